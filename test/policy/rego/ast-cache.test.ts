import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildAstCache,
  deserializeModule,
  engineFingerprint,
  loadAstCache,
  serializeModule,
} from "../../../src/policy/rego/ast-cache.js";
import { compilePolicies } from "../../../src/policy/rego/compile.js";
import { BUNDLED_POLICY_DIR, readPolicies } from "../../../src/policy/rego/runner.js";
import { parseModule } from "../../../src/rego/parser.js";

const sources = await readPolicies([BUNDLED_POLICY_DIR], true);
const dir = mkdtempSync(path.join(tmpdir(), "planguard-ast-cache-"));

function writeCache(name: string, srcs = sources, engine?: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, buildAstCache(srcs, engine).json);
  return file;
}

describe("bundled AST cache", () => {
  it("gives back every bundled module exactly as the parser gives it, shared objects included", () => {
    const cache = loadAstCache(writeCache("all.json"));
    expect(cache).toBeDefined();
    for (const s of sources) {
      const fresh = parseModule(s.file, s.text, "v1");
      const cached = cache!.take(s.file, s.text, "v1");
      expect(cached, s.file).toBeDefined();
      expect(cached, s.file).toStrictEqual(fresh);
      for (const r of cached!.rules) expect(r.module).toBe(cached);
      for (const a of [...cached!.annotations, ...cached!.rules.flatMap((r) => r.annotations)]) {
        if (a.custom) expect(a.custom).toBe(a.raw["custom"]);
      }
      // Handed out once: a second compile of the same text parses again.
      expect(cache!.take(s.file, s.text, "v1")).toBeUndefined();
    }
  });

  it("is not used for a changed text, another file name or another syntax version", () => {
    const s = sources.find((x) => x.text.includes("# METADATA"))!;
    const file = writeCache("one.json", [s]);
    expect(loadAstCache(file)!.take(s.file, `${s.text}\n# edited\n`, "v1")).toBeUndefined();
    expect(loadAstCache(file)!.take(s.file, s.text.replace("deny", "deny "), "v1")).toBeUndefined();
    expect(loadAstCache(file)!.take(`other/${s.file}`, s.text, "v1")).toBeUndefined();
    expect(loadAstCache(file)!.take(s.file, s.text, "v0")).toBeUndefined();
    expect(loadAstCache(file)!.take(s.file, s.text, "v1")).toBeDefined();
  });

  it("is not used when another parser wrote it, or when it is missing or broken", () => {
    const file = writeCache("old-engine.json", sources.slice(0, 3), "another parser");
    expect(loadAstCache(file)).toBeUndefined();
    expect(loadAstCache(path.join(dir, "missing.json"))).toBeUndefined();
    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, '{"format":1,');
    expect(loadAstCache(broken)).toBeUndefined();
  });

  it("fingerprints the parser and what it imports", () => {
    expect(engineFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(engineFingerprint()).toBe(engineFingerprint());
  });

  it("keeps v0 modules as v0, and leaves out modules that do not parse", () => {
    const v0 = { file: "v0.rego", text: 'package a\n\ndeny[msg] {\n  msg := "x"\n}\n' };
    const bad = { file: "bad.rego", text: "package a\n\ndeny[ {\n" };
    const built = buildAstCache([v0, bad]);
    expect(built.cached).toBe(1);
    expect(built.skipped).toEqual(["bad.rego"]);
    const file = path.join(dir, "v0.json");
    writeFileSync(file, built.json);
    expect(loadAstCache(file)!.take(v0.file, v0.text, "v1")).toBeUndefined();
    expect(loadAstCache(file)!.take(v0.file, v0.text, "v0")).toStrictEqual(parseModule(v0.file, v0.text, "v0"));
  });

  it("refuses what JSON would not give back", () => {
    const m = parseModule("n.rego", "package a\n\nx := 1\n");
    const scalar = m.rules[0]!.head.value as { value: unknown };
    for (const bad of [Number.NaN, Infinity, -0, undefined, 1n]) {
      scalar.value = bad;
      expect(() => serializeModule(m)).toThrow();
    }
    scalar.value = 1;
    const { ast, links } = serializeModule(m);
    expect(deserializeModule(JSON.parse(JSON.stringify(ast)), links)).toStrictEqual(m);
  });

  it("compiles to the same program with and without it", () => {
    const cached = compilePolicies(sources, loadAstCache(writeCache("compile.json")));
    const parsed = compilePolicies(sources);
    expect(cached.packages()).toStrictEqual(parsed.packages());
    expect(cached.inputMembersRead()).toStrictEqual(parsed.inputMembersRead());
    const input = { resource_changes: [] };
    const data = { planguard: { resources: [] } };
    for (const p of parsed.packages().slice(0, 20)) {
      for (const r of p.rules.filter((x) => x.name === "deny")) {
        const ref = `data.${p.path}.${r.name}`;
        expect(cached.evaluate(ref, input, data, { timeoutMs: 10_000, maxDepth: 2000 }), ref).toStrictEqual(
          parsed.evaluate(ref, input, data, { timeoutMs: 10_000, maxDepth: 2000 }),
        );
      }
    }
  });
});
