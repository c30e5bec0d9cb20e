import { describe, expect, it } from "vitest";
import type { BuiltinDef } from "../../src/rego/builtins/index.js";
import { compileModules, type PreparsedModules } from "../../src/rego/index.js";
import { parseModule } from "../../src/rego/parser.js";
import { toJSON } from "../../src/rego/value.js";
import { compileOne, regoError } from "./helpers.js";

describe("public API", () => {
  it("accepts extra builtins, with arity checked at compile time", () => {
    const double: BuiltinDef = {
      name: "planguard.double",
      arity: 1,
      impl: ([x]) => (typeof x === "number" ? x * 2 : undefined),
    };
    const c = compileOne("package a\np := planguard.double(21)\n", { extraBuiltins: [double] });
    expect(c.evaluate("data.a.p")).toBe(42);
    expect(
      regoError(() => compileOne("package a\np := planguard.double(1, 2, 3)\n", { extraBuiltins: [double] })).code,
    ).toBe("rego_type_error");
  });

  it("takes modules parsed earlier from the compile options, per compile", () => {
    // A cache that answers for p.rego's text with another module shows which one was compiled.
    const text = "package p\nx := 1\n";
    const asked: string[] = [];
    const preparsed: PreparsedModules = {
      take: (file, t, version) => {
        asked.push(`${file} ${version}`);
        return t === text ? parseModule(file, "package p\nx := 2\n", version) : undefined;
      },
    };
    expect(compileModules([{ file: "p.rego", text }], { preparsed }).evaluate("data.p.x")).toBe(2);
    expect(asked).toEqual(["p.rego v1"]);
    // Nothing is left behind for the next compile.
    expect(compileModules([{ file: "p.rego", text }]).evaluate("data.p.x")).toBe(1);
    expect(asked).toHaveLength(1);
  });

  it("lists the rules of a package across files, with kinds and locations", () => {
    const c = compileModules([
      { file: "a.rego", text: "package p\nx := 1\ns contains 1\n" },
      { file: "b.rego", text: 'package p\no[k] := 1 if some k in ["a"]\nf(x) := x\ndefault x := 0\n' },
    ]);
    expect(c.rules("p").map((r) => [r.name, r.kind, r.file, r.line, r.isDefault])).toEqual([
      ["x", "complete", "a.rego", 2, false],
      ["s", "set", "a.rego", 3, false],
      ["o", "object", "b.rego", 2, false],
      ["f", "function", "b.rego", 3, false],
      ["x", "complete", "b.rego", 4, true],
    ]);
  });

  it("applies a document-scope annotation to every definition of the rule, and subpackages annotations below", () => {
    const c = compileModules([
      { file: "top.rego", text: "# METADATA\n# scope: subpackages\n# title: Everything\npackage org\n" },
      {
        file: "team.rego",
        text: "package org.team\n\n# METADATA\n# scope: document\n# title: Deny\ndeny contains 1\n\ndeny contains 2\n",
      },
    ]);
    const team = c.packages().find((p) => p.path === "org.team")!;
    expect(team.annotation?.title).toBe("Everything");
    expect(team.rules.map((r) => r.annotation?.title)).toEqual(["Deny", "Deny"]);
  });

  it("exposes the current rule's annotation through rego.metadata.rule()", () => {
    const c = compileOne(
      "package a\n\n# METADATA\n# title: T\n# custom:\n#   id: X-1\np := rego.metadata.rule().custom.id\n",
    );
    expect(c.evaluate("data.a.p")).toBe("X-1");
  });

  it("shares rule values across evaluations of one session", () => {
    let calls = 0;
    const counter: BuiltinDef = { name: "test.count_calls", arity: 0, impl: () => ++calls };
    const c = compileOne("package a\nn := test.count_calls()\np := n\nq := n\n", { extraBuiltins: [counter] });
    const s = c.session({ input: {} });
    expect([s.evaluate("data.a.p"), s.evaluate("data.a.q")]).toEqual([1, 1]);
    expect(calls).toBe(1);
  });

  it("reports each query expression's value and the bindings per result", () => {
    const r = compileOne("package a").query("x := [1, 2][_]; x > 1; x + 10");
    expect(r.map((x) => [toJSON(x.bindings), x.expressions])).toEqual([[{ x: 2 }, [true, true, 12]]]);
    expect(
      compileOne("package a")
        .query("1 == 2")
        .map((x) => x.expressions),
    ).toEqual([[false]]);
  });

  it("refuses a reference that is not into data", () => {
    expect(regoError(() => compileOne("package a").evaluate("input.x")).code).toBe("rego_parse_error");
  });
});
