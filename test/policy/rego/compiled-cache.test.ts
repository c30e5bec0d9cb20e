import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/config.js";
import { compilePolicies } from "../../../src/policy/rego/compile.js";
import { LazyLibraryProgram } from "../../../src/policy/rego/lazy-library.js";
import {
  buildCompiledCache,
  compilerFingerprint,
  DamagedLibrary,
  LIBRARY_OPTIONS,
  loadCompiledCache,
} from "../../../src/policy/rego/compiled-cache.js";
import { engineFingerprint } from "../../../src/policy/rego/ast-cache.js";
import { readBundledPolicies, type RegoPolicies } from "../../../src/policy/rego/load.js";
import { regoRules, type PolicySource } from "../../../src/policy/rego/runner.js";
import { compile, type Source } from "../../../src/rego/compiler/compile.js";
import type { Finding } from "../../../src/policy/types.js";
import { runScan } from "../../../src/scan/run.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const sources = await readBundledPolicies();
const dir = mkdtempSync(path.join(tmpdir(), "planguard-compiled-cache-"));

function writeCache(name: string, srcs: readonly PolicySource[] = sources, engine?: string): string {
  const built = buildCompiledCache(srcs, engine);
  if (!("json" in built)) throw new Error(built.skipped);
  const file = path.join(dir, name);
  writeFileSync(file, built.json);
  return file;
}
const CACHE = writeCache("library.json");

function user(file: string, text: string): PolicySource {
  return { file, text, bundled: false };
}

/** The sources with the library's compiled modules attached (undefined when the cache refuses them). */
function attached(srcs: readonly PolicySource[]): Source[] | undefined {
  return loadCompiledCache(CACHE)!.attachTo(srcs);
}

/** Whether compile took the precompiled modules as they are. */
function tookPrecompiled(srcs: readonly Source[]): boolean {
  const program = compile(srcs, LIBRARY_OPTIONS);
  return srcs.every((s, i) => !s.compiled || program.modules[i] === s.compiled);
}

describe("compiled bundled library", () => {
  it("is taken as it is for the bundled policies alone, and gives the program a fresh compile gives", () => {
    const withLibrary = attached(sources)!;
    expect(withLibrary.every((s) => s.compiled)).toBe(true);
    expect(tookPrecompiled(withLibrary)).toBe(true);
    const fromCache = compile(attached(sources)!, LIBRARY_OPTIONS);
    const fresh = compile(sources, LIBRARY_OPTIONS);
    expect(fromCache.modules).toStrictEqual(fresh.modules);
    expect(fromCache.tree).toStrictEqual(fresh.tree);
    for (const m of fromCache.modules) for (const r of m.rules) expect(r.module).toBe(m);
  });

  it("is written as ASCII (read fastest at each start), with a policy's non-ASCII text kept exactly", () => {
    const first = sources[0]!;
    const text = `${first.text}\nnon_ascii_probe := "≥ 256 bits — 東京 😀 "\n`;
    const changed = [{ ...first, text }, ...sources.slice(1)];
    const file = writeCache("non-ascii.json", changed);
    expect(readFileSync(file).every((byte) => byte < 0x80)).toBe(true);
    const revived = compile(loadCompiledCache(file)!.attachTo(changed)!, LIBRARY_OPTIONS);
    expect(revived.modules).toStrictEqual(compile(changed, LIBRARY_OPTIONS).modules);
    const seen = new WeakSet<object>();
    const acyclic = (_k: string, v: unknown) => {
      if (typeof v !== "object" || v === null) return v;
      if (seen.has(v)) return undefined;
      seen.add(v);
      return v;
    };
    expect(JSON.stringify(revived.modules[0], acyclic)).toContain("≥ 256 bits — 東京 😀 ");
  });

  it("revives a fresh object graph each time", () => {
    const library = loadCompiledCache(CACHE)!;
    const [a, b] = [library.attachTo(sources)!, library.attachTo(sources)!];
    expect(a[0]!.compiled).not.toBe(b[0]!.compiled);
    expect(a[0]!.compiled).toStrictEqual(b[0]!.compiled);
  });

  it("refuses a module whose line was changed after the build, and one that is cut short", () => {
    const text = readFileSync(CACHE, "latin1");
    const lines = text.split("\n");
    // One character of the third module's line, the index left as it was.
    const third = lines[3]!;
    const at = third.indexOf('"value":"') + 9;
    lines[3] = third.slice(0, at) + (third[at] === "x" ? "y" : "x") + third.slice(at + 1);
    const tampered = path.join(dir, "tampered.json");
    writeFileSync(tampered, lines.join("\n"), "latin1");
    const library = loadCompiledCache(tampered)!;
    expect(library.module(0)).toBeDefined();
    expect(() => library.module(2)).toThrow(DamagedLibrary);
    expect(library.attachTo(sources)).toBeUndefined();
    const cut = path.join(dir, "cut.json");
    writeFileSync(cut, text.slice(0, text.length - 100), "latin1");
    expect(loadCompiledCache(cut)!.attachTo(sources)).toBeUndefined();
  });

  it("is not used for a changed text, a missing or added module, or another order", () => {
    const edited = sources.map((s, i) => (i === 3 ? { ...s, text: `${s.text}\n# edited\n` } : s));
    expect(attached(edited)).toBeUndefined();
    expect(attached(sources.slice(1))).toBeUndefined();
    expect(
      attached([...sources, { file: "policies/extra.rego", text: "package planguard.extra\n", bundled: true }]),
    ).toBeUndefined();
    expect(attached([sources[1]!, sources[0]!, ...sources.slice(2)])).toBeUndefined();
  });

  it("is not used when another compiler wrote it, or when it is missing or broken", () => {
    expect(loadCompiledCache(writeCache("old-engine.json", sources, "another compiler"))).toBeUndefined();
    expect(loadCompiledCache(path.join(dir, "missing.json"))).toBeUndefined();
    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, '{"format":1,');
    expect(loadCompiledCache(broken)).toBeUndefined();
  });

  it("fingerprints the compiler's code, not only the parser's", () => {
    const copy = path.join(dir, "rego");
    cpSync(path.join(ROOT, "src/rego"), copy, { recursive: true });
    const before = compilerFingerprint(copy);
    expect(before).toBe(compilerFingerprint());
    expect(before).not.toBe(engineFingerprint(copy));
    const safety = path.join(copy, "compiler/safety.ts");
    writeFileSync(safety, `${readFileSync(safety, "utf8")}\n// changed\n`);
    expect(compilerFingerprint(copy)).not.toBe(before);
    // The parser's fingerprint (the AST cache's) does not cover the compiler's passes.
    expect(engineFingerprint(copy)).toBe(engineFingerprint());
  });

  it("is compiled from text when a user module is in, under or above a bundled package", () => {
    const lib = "package planguard.lib\n\nextra := 1\n";
    for (const text of [lib, "package planguard.lib.more\n\nx := 1\n", "package planguard\n\nx := 1\n"]) {
      const srcs = [...attached(sources)!, user("user.rego", text)];
      expect(tookPrecompiled(srcs), text).toBe(false);
      expect(compile(srcs, LIBRARY_OPTIONS).modules).toStrictEqual(
        compile([...sources, user("user.rego", text)], LIBRARY_OPTIONS).modules,
      );
    }
  });

  it("is taken beside a user module in a package of its own, which is compiled against the whole tree", () => {
    const text =
      'package main\n\nimport data.planguard.lib\n\ndeny contains msg if {\n  some r in input.resource_changes\n  lib.is_unknown(r, ["x"])\n  msg := r.address\n}\n';
    const srcs = [...attached(sources)!, user("main.rego", text)];
    expect(tookPrecompiled(srcs)).toBe(true);
    const fromCache = compile([...attached(sources)!, user("main.rego", text)], LIBRARY_OPTIONS);
    const fresh = compile([...sources, user("main.rego", text)], LIBRARY_OPTIONS);
    expect(fromCache.modules).toStrictEqual(fresh.modules);
    expect(fromCache.tree).toStrictEqual(fresh.tree);
  });

  it("reports a user module's errors as a full compile does", () => {
    for (const text of [
      "package main\n\ndeny[ {\n",
      "package main\n\ndeny contains x if { data.planguard.lib.nothing(1) }\n",
      "package main\n\np if q\nq if p\n",
    ]) {
      const error = (srcs: readonly Source[]) => {
        try {
          compile(srcs, LIBRARY_OPTIONS);
        } catch (err) {
          return String(err);
        }
        return "compiled";
      };
      const fresh = error([...sources, user("main.rego", text)]);
      expect(fresh).not.toBe("compiled");
      expect(error([...attached(sources)!, user("main.rego", text)])).toBe(fresh);
    }
  });

  it("is not built for a library with a `with` modifier, or one that does not compile", () => {
    const withModifier = { file: "w.rego", text: 'package w\n\nx := input.a with input as {"a": 1}\n', bundled: true };
    expect(buildCompiledCache([withModifier])).toEqual({ skipped: expect.stringContaining("with") });
    expect(buildCompiledCache([{ file: "bad.rego", text: "package b\n\nx := y\n" }])).toEqual({
      skipped: expect.stringContaining("does not compile"),
    });
  });
});

describe("scans with and without the compiled library", () => {
  const plans = fg
    .sync(
      [
        "examples/*/plan.json",
        "fixtures/plans/**/*.json",
        "fixtures/rules/**/*.json",
        "fixtures/source/**/*.json",
        "fixtures/real-plans/*/**/*.json",
      ],
      { cwd: ROOT, absolute: true },
    )
    .filter((f) => !f.endsWith("expected.json"))
    .sort();

  async function policies(library: "whole" | "lazy" | "none"): Promise<RegoPolicies> {
    const program =
      library === "lazy"
        ? new LazyLibraryProgram(
            () => sources,
            loadCompiledCache(CACHE)!,
            () => compilePolicies(sources),
          )
        : compilePolicies(sources, undefined, library === "whole" ? loadCompiledCache(CACHE) : undefined);
    return { program, rules: regoRules(program, ["main"]), options: { namespaces: ["main"], data: {} } };
  }

  it("find the same on the example and fixture plans (the library revived whole, revived lazily, compiled from text)", async () => {
    expect(plans.length).toBeGreaterThan(20);
    const [cached, lazy, compiled] = [await policies("whole"), await policies("lazy"), await policies("none")];
    expect(lazy.rules).toStrictEqual(compiled.rules);
    expect(lazy.program.inputMembersRead()).toStrictEqual(compiled.program.inputMembersRead());
    const config = parseConfig("c.yaml", "");
    const regoIds = new Set(cached.rules.map((r) => r.meta.id));
    let regoFindings = 0;
    for (const file of plans) {
      const scan = async (
        rego: RegoPolicies,
      ): Promise<{ findings: Finding[]; failures: unknown[] } | { error: string }> => {
        try {
          const result = await runScan({ files: [file], config, rego, today: "2026-01-01" });
          return { findings: result.findings, failures: result.failures };
        } catch (err) {
          return { error: String(err) };
        }
      };
      const a = await scan(cached);
      expect(a, file).toStrictEqual(await scan(compiled));
      expect(await scan(lazy), file).toStrictEqual(a);
      regoFindings += "findings" in a ? a.findings.filter((f) => regoIds.has(f.ruleId)).length : 0;
    }
    expect(regoFindings).toBeGreaterThan(20);
  });
});
