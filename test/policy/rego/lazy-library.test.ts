import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { compilePolicies } from "../../../src/policy/rego/compile.js";
import { buildCompiledCache, LIBRARY_OPTIONS, loadCompiledCache } from "../../../src/policy/rego/compiled-cache.js";
import { LazyLibraryProgram } from "../../../src/policy/rego/lazy-library.js";
import { GateReader, gateOpen, modulesNeeded } from "../../../src/policy/rego/library-index.js";
import type { RegoProgram } from "../../../src/policy/rego/engine.js";
import { regoRules, type PolicySource } from "../../../src/policy/rego/runner.js";
import { parseConfig } from "../../../src/config/config.js";
import { runScan } from "../../../src/scan/run.js";
import type { Module } from "../../../src/rego/ast.js";
import { compile } from "../../../src/rego/compiler/compile.js";
import { isSet, type Value } from "../../../src/rego/value.js";

const dir = mkdtempSync(path.join(tmpdir(), "planguard-lazy-library-"));

function modules(texts: Record<string, string>) {
  return compile(
    Object.entries(texts).map(([file, text]) => ({ file, text })),
    LIBRARY_OPTIONS,
  ).modules;
}

/** The gate of a module's own conftest rules, read against the other modules given. */
function gateOf(m: Module, all: Module[] = [m]) {
  return new GateReader(all).gateOf(m);
}

const gate = (body: string, extra = "") =>
  gateOf(modules({ "p.rego": `package p\n\n${extra}\ndeny contains msg if {\n${body}\n}\n` })[0]!);

describe("a module's gate", () => {
  it("is the resource type a body iterates, by name, from a list written there, or from a constant of the module", () => {
    expect(gate("some r in data.planguard.resources_by_type.aws_s3_bucket\nmsg := r.address")).toEqual([
      ["aws_s3_bucket"],
    ]);
    expect(gate("r := data.planguard.resources_by_type.aws_lb[_]\nmsg := r.address")).toEqual([["aws_lb"]]);
    expect(
      gate('some t in ["aws_lb", "aws_alb"]\nsome r in data.planguard.resources_by_type[t]\nmsg := r.address'),
    ).toEqual([["aws_lb", "aws_alb"]]);
    expect(
      gate("some t in types\nsome r in data.planguard.resources_by_type[t]\nmsg := r.address", 'types := ["a", "b"]'),
    ).toEqual([["a", "b"]]);
    expect(
      gate(
        "some t, _ in paths\nsome r in data.planguard.resources_by_type[t]\nmsg := r.address",
        'paths := {"a": ["x"], "b": ["y"]}',
      ),
    ).toEqual([["a", "b"]]);
  });

  it("follows names built with sprintf, object.get with an empty default, and collections that helpers build", () => {
    expect(
      gate(
        'some level in ["project", "folder"]\nsome r in data.planguard.resources_by_type[sprintf("google_%s_iam_member", [level])]\nmsg := r.address',
      ),
    ).toEqual([["google_project_iam_member", "google_folder_iam_member"]]);
    expect(gate('some r in object.get(data.planguard.resources_by_type, "azurerm_nsg", [])\nmsg := r.address')).toEqual(
      [["azurerm_nsg"]],
    );
    const [lib, rule] = modules({
      "lib.rego": `package planguard.lib.h

held := array.concat(
  [r | some r in object.get(data.planguard.resources_by_type, "a", [])],
  [r | some r in object.get(data.planguard.resources_by_type, "b", [])],
)

grants(levels) := {x | some l in levels; some x in data.planguard.resources_by_type[sprintf("g_%s", [l])]} | {x | some x in data.planguard.resources_by_type.c}
`,
      "p.rego": `package p

import data.planguard.lib.h

deny contains r.address if {
  some r in h.held
}

deny contains g.address if {
  some g in h.grants(["x", "y"])
}
`,
    });
    expect(gateOf(rule!, [lib!, rule!])).toEqual([
      ["a", "b"],
      ["g_x", "g_y", "c"],
    ]);
  });

  it("follows a partial set through every definition, in any file, each gated", () => {
    const own = modules({
      "p.rego": `package p

streams contains r if {
  some r in data.planguard.resources_by_type.aws_stream
  r.after.x
}

streams contains r if {
  some t in ["g_a", "g_b"]
  some r in data.planguard.resources_by_type[t]
}

deny contains s.address if {
  some s in streams
}
`,
      "q.rego": `package p

streams contains r if {
  some r in object.get(data.planguard.resources_by_type, "elsewhere", [])
}
`,
    });
    expect(gateOf(own[0]!, own)).toEqual([["aws_stream", "g_a", "g_b", "elsewhere"]]);
    // One definition that needs no resource type (here in another file) leaves the set, and the module, ungated.
    const open = modules({
      "p.rego": `package p

streams contains r if {
  some r in data.planguard.resources_by_type.aws_stream
}

deny contains s.address if {
  some s in streams
}
`,
      "q.rego": `package p

streams contains r if {
  some r in input.resource_changes
}
`,
    });
    expect(gateOf(open[0]!, open)).toBeNull();
  });

  it("is none (always evaluated) when a body can succeed without such a literal", () => {
    // Over the plan itself, a negated iteration, a type computed at run time, a constant with a body.
    expect(gate("some r in input.resource_changes\nmsg := r.address")).toBeNull();
    expect(gate('not data.planguard.resources_by_type.aws_s3_bucket\nmsg := "none"')).toBeNull();
    expect(
      gate('some t in [sprintf("google_%s", ["x"])]\nsome r in data.planguard.resources_by_type[t]\nmsg := r.address'),
    ).toBeNull();
    expect(
      gate(
        "some t in types\nsome r in data.planguard.resources_by_type[t]\nmsg := r.address",
        'types := ["a"] if true',
      ),
    ).toBeNull();
    expect(gate('some t in data.planguard.resources_by_type\nmsg := "x"')).toBeNull();
    // A default that is not empty, a format with another verb, a helper with a condition or defined twice.
    expect(gate('some r in object.get(data.planguard.resources_by_type, "a", [1])\nmsg := "x"')).toBeNull();
    expect(gate('some r in data.planguard.resources_by_type[sprintf("g_%d", [1])]\nmsg := "x"')).toBeNull();
    const twice = modules({
      "h.rego":
        "package h\n\nheld := [r | some r in data.planguard.resources_by_type.a] if input.x\n\ntwice(x) := [r | some r in data.planguard.resources_by_type.a]\n",
      "h2.rego": "package h\n\ntwice(x) := [1] if x == 2\n",
      "p.rego":
        'package p\n\ndeny contains "x" if { some r in data.h.held }\n\ndeny contains "y" if { some r in data.h.twice(1) }\n',
    });
    const p = modules({
      "h.rego": "package h\n\nheld := [r | some r in data.planguard.resources_by_type.a] if input.x\n",
      "p.rego": 'package p\n\ndeny contains "x" if { some r in data.h.held }\n',
    });
    expect(gateOf(p[1]!, p)).toBeNull();
    expect(gateOf(twice[2]!, twice)).toBeNull();
    // One gated body does not gate another.
    const two = modules({
      "p.rego":
        'package p\n\ndeny contains "a" if { some r in data.planguard.resources_by_type.a; r }\n\ndeny contains "b" if { input.x }\n',
    })[0]!;
    expect(gateOf(two)).toBeNull();
  });

  it("lists every conftest body; a module without conftest rules has none", () => {
    const two = modules({
      "p.rego":
        'package p\n\ndeny contains "a" if { some r in data.planguard.resources_by_type.a; r }\n\nwarn contains "b" if { some r in data.planguard.resources_by_type.b; r }\n\nhelper if input.x\n',
    })[0]!;
    expect(gateOf(two)).toEqual([["a"], ["b"]]);
    expect(gateOf(modules({ "lib.rego": "package lib\n\nhelper(x) := x + 1\n" })[0]!)).toEqual([]);
    const present = (types: string[]) => (t: string) => types.includes(t);
    expect(gateOpen([["a"], ["b"]], present(["b"]))).toBe(true);
    expect(gateOpen([["a"], ["b"]], present(["c"]))).toBe(false);
    expect(gateOpen([], present(["a"]))).toBe(false);
    expect(gateOpen(null, present([]))).toBe(true);
  });
});

describe("what a module needs", () => {
  it("is the modules its references and calls reach, transitively, and its own package's", () => {
    const ms = modules({
      "lib.rego": "package planguard.lib\n\nbig(x) := x > 1\n",
      "lib2.rego": "package planguard.lib\n\nsmall(x) := x < 1\n",
      "mid.rego": "package mid\n\nimport data.planguard.lib\n\nok if lib.big(2)\n",
      "top.rego": "package top\n\ndeny contains 1 if data.mid.ok\n",
      "alone.rego": 'package alone\n\ndeny contains 1 if input.x == "y"\n',
      // Annotations reach the packages above: everything, to be simple.
      "all.rego": "package whole\n\ndeny contains 1 if count(rego.metadata.chain()) > 0\n",
    });
    expect(modulesNeeded(ms)).toEqual([[0, 1], [0, 1], [0, 1, 2], [0, 1, 2, 3], [4], [0, 1, 2, 3, 4, 5]]);
  });
});

describe("the library revived lazily", () => {
  const sources: PolicySource[] = [
    {
      file: "lib.rego",
      text: 'package planguard.lib\n\nlabel(r) := sprintf("%s!", [r.address])\n',
      bundled: true,
    },
    {
      file: "s3.rego",
      text: 'package planguard.s3\n\nimport data.planguard.lib\n\ndeny contains {"msg": lib.label(r), "resource": r.address} if {\n  some r in data.planguard.resources_by_type.aws_s3_bucket\n}\n',
      bundled: true,
    },
    {
      file: "lb.rego",
      text: 'package planguard.lb\n\ntypes := ["aws_lb", "aws_alb"]\n\ndeny contains {"msg": "lb", "resource": r.address} if {\n  some t in types\n  some r in data.planguard.resources_by_type[t]\n}\n',
      bundled: true,
    },
    {
      file: "any.rego",
      text: 'package planguard.any\n\nwarn contains "plan" if input.format_version\n',
      bundled: true,
    },
  ];
  const file = path.join(dir, "small.json");
  const built = buildCompiledCache(sources);
  if (!("json" in built)) throw new Error(built.skipped);
  writeFileSync(file, built.json);

  const budget = { timeoutMs: 30_000, maxDepth: 2_000 };
  const dataOf = (byType: Record<string, unknown[]>) => ({ planguard: { resources_by_type: byType } });
  const bucket = { address: "aws_s3_bucket.b" };

  function lazy() {
    const library = loadCompiledCache(file)!;
    const revived = vi.spyOn(library, "module");
    const fromText = vi.fn(() => compilePolicies(sources));
    const program = new LazyLibraryProgram(() => sources, library, fromText);
    const revivedFiles = () => [...new Set(revived.mock.calls.map(([i]) => sources[i]!.file))].sort();
    return { program, revivedFiles, fromText };
  }

  it("lists every package and what the whole library reads of input, reviving nothing", () => {
    const { program, revivedFiles } = lazy();
    expect(program.packages()).toStrictEqual(compilePolicies(sources).packages());
    expect(program.inputMembersRead()).toStrictEqual(new Set(["format_version"]));
    expect(revivedFiles()).toEqual([]);
  });

  it("for a plan without the gated types, says their packages cannot fire and revives only the rest", () => {
    const { program, revivedFiles } = lazy();
    const data = dataOf({ aws_instance: [{ address: "aws_instance.i" }] });
    expect(program.canFire("planguard.s3", data)).toBe(false);
    expect(program.canFire("planguard.lb", data)).toBe(false);
    expect(program.canFire("planguard.any", data)).toBe(true);
    expect(members(program.evaluate("data.planguard.any.warn", { format_version: "1.2" }, data, budget))).toEqual([
      "plan",
    ]);
    expect(revivedFiles()).toEqual(["any.rego"]);
  });

  it("revives what a plan's types need (the library they import too), and more for a later plan", () => {
    const { program, revivedFiles, fromText } = lazy();
    const first = dataOf({ aws_s3_bucket: [bucket] });
    expect(program.canFire("planguard.s3", first)).toBe(true);
    expect(members(program.evaluate("data.planguard.s3.deny", {}, first, budget))).toEqual([
      { msg: "aws_s3_bucket.b!", resource: "aws_s3_bucket.b" },
    ]);
    expect(revivedFiles()).toEqual(["any.rego", "lib.rego", "s3.rego"]);
    const second = dataOf({ aws_alb: [{ address: "aws_alb.a" }] });
    expect(program.canFire("planguard.lb", second)).toBe(true);
    expect(members(program.evaluate("data.planguard.lb.deny", {}, second, budget))).toEqual([
      { msg: "lb", resource: "aws_alb.a" },
    ]);
    expect(revivedFiles()).toEqual(["any.rego", "lb.rego", "lib.rego", "s3.rego"]);
    expect(fromText).not.toHaveBeenCalled();
  });

  it("reads an index longer than one read of the file", () => {
    const long: PolicySource = {
      file: "long.rego",
      text: `# METADATA\n# title: ${"t".repeat(700_000)}\npackage planguard.long\n\nwarn contains "x" if input.y\n`,
      bundled: true,
    };
    const built = buildCompiledCache([long]);
    if (!("json" in built)) throw new Error(built.skipped);
    const longFile = path.join(dir, "long.json");
    writeFileSync(longFile, built.json);
    expect(built.json.indexOf("\n")).toBeGreaterThan(600_000);
    const library = loadCompiledCache(longFile)!;
    expect(library.rules()[0]!.meta.title).toHaveLength(700_000);
    expect(library.module(0).pkg).toEqual(["planguard", "long"]);
  });

  it("lists the library's rules as listed at build time, and takes no list made by other code", () => {
    const { program } = lazy();
    const fromText = compilePolicies(sources);
    // What a compile from text lists, metadata and all; the lazy program's packages carry no annotations.
    expect(regoRules(program, ["main"])).toEqual(regoRules(fromText, ["main"]));
    expect(regoRules(program, "all")).toEqual(regoRules(fromText, ["main"]));
    expect(program.packages().every((p) => p.annotation === undefined && p.rules.every((r) => !r.annotation))).toBe(
      true,
    );
    const built = buildCompiledCache(sources);
    if (!("json" in built)) throw new Error(built.skipped);
    const index = JSON.parse(built.json.slice(0, built.json.indexOf("\n"))) as { rulesFrom: string };
    const other = path.join(dir, "other-rule-list.json");
    writeFileSync(other, built.json.replace(index.rulesFrom, "0".repeat(64)));
    expect(loadCompiledCache(other)).toBeUndefined();
  });

  it("in a scan, evaluates only the packages a plan's types can fire, with the findings a compile from text gives", async () => {
    const plan = path.join(dir, "plan.json");
    writeFileSync(
      plan,
      JSON.stringify({
        format_version: "1.2",
        terraform_version: "1.9.0",
        resource_changes: [
          {
            address: "aws_s3_bucket.b",
            mode: "managed",
            type: "aws_s3_bucket",
            name: "b",
            provider_name: "registry.terraform.io/hashicorp/aws",
            change: { actions: ["create"], before: null, after: { bucket: "b" }, after_unknown: {} },
          },
        ],
      }),
    );
    const scan = async (program: RegoProgram) => {
      const result = await runScan({
        files: [plan],
        config: parseConfig("c.yaml", ""),
        rules: [],
        rego: { program, rules: regoRules(program, ["main"]), options: { namespaces: ["main"], data: {} } },
        today: "2026-01-01",
      });
      return { findings: result.findings, failures: result.failures, rules: result.rules };
    };
    const { program, revivedFiles } = lazy();
    const evaluated = vi.spyOn(program, "evaluate");
    const found = await scan(program);
    expect(found).toStrictEqual(await scan(compilePolicies(sources)));
    expect(found.findings.map((f) => f.message)).toContain("aws_s3_bucket.b!");
    expect(found.rules.map((r) => r.id).length).toBe(3);
    expect(evaluated.mock.calls.map(([ref]) => ref).sort()).toEqual([
      "data.planguard.any.warn",
      "data.planguard.s3.deny",
    ]);
    expect(revivedFiles()).toEqual(["any.rego", "lib.rego", "s3.rego"]);
  });

  it("leaves nothing out when data has no resources_by_type", () => {
    const { program } = lazy();
    expect(program.canFire("planguard.s3", {})).toBe(true);
    expect(program.evaluate("data.planguard.lb.types", {}, {}, budget)).toEqual(["aws_lb", "aws_alb"]);
  });

  it("compiles the library from its sources when a module's line turns out damaged", () => {
    const { program, fromText } = lazy();
    const library = (program as unknown as { library: { module: (i: number) => unknown } }).library;
    const damaged = readDamaged();
    vi.spyOn(library, "module").mockImplementation(() => {
      throw damaged;
    });
    expect(members(program.evaluate("data.planguard.any.warn", { format_version: "1" }, dataOf({}), budget))).toEqual([
      "plan",
    ]);
    expect(program.evaluate("data.planguard.lb.types", {}, dataOf({}), budget)).toEqual(["aws_lb", "aws_alb"]);
    expect(fromText).toHaveBeenCalledTimes(1);
  });
});

/** A set's members as an array. */
function members(value: Value | undefined): unknown {
  return isSet(value) ? [...value] : value;
}

/** A DamagedLibrary as the library throws it, from a file whose module line was cut. */
function readDamaged(): Error {
  const src: PolicySource[] = [{ file: "a.rego", text: "package planguard.a\n\nx := 1\n", bundled: true }];
  const built = buildCompiledCache(src);
  if (!("json" in built)) throw new Error(built.skipped);
  const file = path.join(dir, "damaged.json");
  const lines = built.json.split("\n");
  lines[1] = lines[1]!.replace('"x"', '"y"');
  writeFileSync(file, lines.join("\n"));
  try {
    loadCompiledCache(file)!.module(0);
  } catch (err) {
    return err as Error;
  }
  throw new Error("the damaged line was read");
}
