import { describe, expect, it } from "vitest";
import { parseModule, parseQuery } from "../../src/rego/parser.js";
import { compileModules } from "../../src/rego/index.js";
import { compileOne, evalJSON, regoError } from "./helpers.js";

describe("parser", () => {
  it("records file, line and column on rules and terms", () => {
    const m = parseModule("p.rego", "package a.b\n\nallow if {\n  input.x == 1\n}\n");
    expect(m.pkg).toEqual(["a", "b"]);
    expect(m.rules[0]!.loc).toEqual({ file: "p.rego", line: 3, col: 1 });
    expect(m.rules[0]!.body[0]!.loc).toEqual({ file: "p.rego", line: 4, col: 3 });
  });

  it("reports parse errors with file, line and column", () => {
    const err = regoError(() => compileOne("package a\n\np if {\n  x := [1, 2\n}\n"));
    expect(err.code).toBe("rego_parse_error");
    expect(err.file).toBe("test.rego");
    expect(err.line).toBe(5);
    expect(err.describe()).toMatch(/^test\.rego:5:\d+: rego_parse_error: /);
  });

  it("requires `if` and `contains` in v1 and accepts v0 forms on request", () => {
    expect(regoError(() => compileOne("package a\np { true }\n")).message).toContain("`if` keyword is required");
    expect(regoError(() => compileOne("package a\np.q\n")).message).toContain("`contains` keyword is required");
    expect(
      evalJSON('package a\ndeny[msg] { msg := "x" }\n', "data.a.deny", { compile: { regoVersion: "v0" } }),
    ).toEqual(["x"]);
  });

  it("says which version a file is written in when it fails in the one asked for", () => {
    const v0 = regoError(() => compileOne("package a\n\np { true }\n"));
    expect(v0.describe()).toBe(
      "test.rego:3:3: rego_parse_error: `if` keyword is required before rule body, found { (the file is Rego v0 syntax: pass --rego-version v0)",
    );
    const v1 = regoError(() => compileOne("package a\n\ns contains 1 if { some x in [1] }\n", { regoVersion: "v0" }));
    expect(v1.message).toContain("(the file is Rego v1 syntax: leave out --rego-version v0)");
    // Broken in both: no hint.
    expect(regoError(() => compileOne("package a\np { x := }\n")).message).not.toContain("--rego-version");
    // Several sources: each keeps its own version.
    const both = compileModules([
      { file: "old.rego", text: "package old\ndeny[m] { m := 1 }\n", regoVersion: "v0" },
      { file: "new.rego", text: "package new\nok if { 1 in data.old.deny }\n" },
    ]);
    expect(both.evaluate("data.new.ok")).toBe(true);
  });

  it("reads a v0 module as v1 when it imports rego.v1, and keywords from future.keywords", () => {
    const v1 = "package a\nimport rego.v1\ns contains x if { some x in [1, 2] }\n";
    expect(evalJSON(v1, "data.a.s", { compile: { regoVersion: "v0" } })).toEqual([1, 2]);
    const fut = "package a\nimport future.keywords.in\nimport future.keywords.if\nok if { 2 in [1, 2] }\n";
    expect(evalJSON(fut, "data.a.ok", { compile: { regoVersion: "v0" } })).toBe(true);
    // Without the import, `in` is no keyword in v0.
    expect(regoError(() => compileOne("package a\nok { 2 in [1, 2] }\n", { regoVersion: "v0" })).code).toBe(
      "rego_parse_error",
    );
  });

  it("reads `p[x] if` as the single-value rule p[x] := true, and v0 `p[x] { }` as a partial set, as OPA does", () => {
    const src = "package a\nimport future.keywords.if\nobj[x] if { x := [1, 2][_] }\nset[x] { x := [1, 2][_] }\n";
    expect(evalJSON(src, "data.a", { compile: { regoVersion: "v0" } })).toEqual({
      obj: { "1": true, "2": true },
      set: [1, 2],
    });
  });

  it("takes the future.keywords variants OPA takes, and refuses an alias on them", () => {
    const all =
      "package a\nimport future.keywords\nok if { every x in [1] { x == 1 }; 1 in [1] }\ns contains 1 if true\n";
    expect(evalJSON(all, "data.a", { compile: { regoVersion: "v0" } })).toEqual({ ok: true, s: [1] });
    // In v1 the imports are allowed and change nothing.
    expect(
      evalJSON("package a\nimport future.keywords.if\nimport future.keywords.in\nok if 1 in [1]\n", "data.a.ok"),
    ).toBe(true);
    const err = regoError(() => compileOne("package a\nimport future.keywords.in as kw\n"));
    expect([err.code, err.message, err.line]).toEqual([
      "rego_parse_error",
      "future keyword imports cannot be aliased",
      2,
    ]);
  });

  it("reads `not { ... }` bodies under import future.keywords.not (OPA 1.17)", () => {
    const src = [
      "package a",
      "import future.keywords.not",
      "xs := [1, 2, 3]",
      "limit := 2",
      "none_big if not { some x in xs; x > 5 }",
      "over if {",
      "  not {",
      "    x := xs[_]",
      "    x > limit",
      "  }",
      "}",
      'mocked if not { input.bad } with input as {"bad": false}',
    ].join("\n");
    expect(evalJSON(src, "data.a")).toEqual({ xs: [1, 2, 3], limit: 2, none_big: true, mocked: true });
    // Without the import `not {` negates a term, as before.
    expect(evalJSON("package a\np if not {1: false}[1]\n", "data.a.p")).toBe(true);
  });

  it("rejects rego.v1 together with future imports", () => {
    expect(regoError(() => compileOne("package a\nimport rego.v1\nimport future.keywords.in\n")).message).toContain(
      "shadows previous import",
    );
  });

  it("reads raw strings, escapes, numbers and operator precedence", () => {
    const src =
      'package a\nraw := `a\\b\nc`\nesc := "t\\u00e9\\n"\nn := [1.5e2, -3, 2 + 3 * 4, (2 + 3) * 4, 7 % 4]\nu := {1, 2} | {3} & {3, 4}\n';
    expect(evalJSON(src, "data.a.raw")).toBe("a\\b\nc");
    expect(evalJSON(src, "data.a.esc")).toBe("té\n");
    expect(evalJSON(src, "data.a.n")).toEqual([150, -3, 14, 20, 3]);
    expect(evalJSON(src, "data.a.u")).toEqual([1, 2, 3]);
  });

  it("tells comprehensions from arrays and sets with a union", () => {
    const src =
      'package a\nx := {1}\ny := {2}\nc := [v | some v in [1, 2]]\nu := [x | y, 5]\ns := {v | some v in [3]}\no := {k: 1 | some k in ["a"]}\n';
    expect(evalJSON(src, "data.a.c")).toEqual([1, 2]);
    expect(evalJSON(src, "data.a.u")).toEqual([[1, 2], 5]);
    expect(evalJSON(src, "data.a.s")).toEqual([3]);
    expect(evalJSON(src, "data.a.o")).toEqual({ a: 1 });
  });

  it("keeps keywords usable as reference fields and calls contains() in v1", () => {
    const src = 'package a\nok if { input.package.in == "x"; contains("abc", "b") }\n';
    expect(evalJSON(src, "data.a.ok", { input: { package: { in: "x" } } })).toBe(true);
  });

  it("refuses illegal default values and unary minus on non-numbers", () => {
    expect(regoError(() => compileOne("package a\ndefault p := input.x\n")).message).toContain("illegal default rule");
    expect(regoError(() => compileOne("package a\ny := 1\nx := - y\n")).message).toContain("unary -");
  });

  it("parses queries separated by newlines and semicolons", () => {
    expect(parseQuery("x := 1; y := 2\nz := 3")).toHaveLength(3);
    expect(() => parseQuery("[1]]")).toThrow(/expecting EOF|unexpected/);
  });

  it("reads `k, v in xs` as a value after := and =, and statements with no separator, as OPA's parser does", () => {
    expect(
      evalJSON("package a\nb := 0, 5 in [5, 6]\nc := x if { x := 1, 6 in [5, 6] }\nd = 0, 6 in [5, 6]\n", "data.a"),
    ).toEqual({ b: true, c: true, d: false });
    expect(
      evalJSON('package a\nimport future.keywords.in\nr["s"] p1 { p1 := 1 }\n', "data.a", {
        compile: { regoVersion: "v0" },
      }),
    ).toEqual({ r: ["s"], p1: true });
    expect(evalJSON("package a\nx := 1 y := 2\n", "data.a")).toEqual({ x: 1, y: 2 });
  });

  it("takes imports after rules, as OPA does", () => {
    const src = "package a\np := x.v\nimport data.b as x\n";
    expect(
      compileModules([
        { file: "a.rego", text: src },
        { file: "b.rego", text: "package b\nv := 7\n" },
      ]).evaluate("data.a.p"),
    ).toBe(7);
  });

  it("takes a `with` whose target and value are on the following lines", () => {
    const src =
      "package a\nf(y) := y + input\np := x if {\n  x := f(1) with\n    input as\n    3\n}\nq := n if {\n  n := count(input)\n    with input as [1, 2]\n    with data.z as 1\n}\n";
    expect(evalJSON(src, "data.a.p")).toBe(4);
    expect(evalJSON(src, "data.a.q")).toBe(2);
  });

  it("reads `k, v in xs` in parentheses and chained `in`, as OPA groups them", () => {
    const src = [
      "package a",
      "chained if { 1, 2 in [2] in [false, true] }",
      "grouped if { (0, 2 in [2]) in [true] }",
      "in_set := {(1, 1 in [2])}",
      'nested if { "foo", (2 in {"bar": 2}) in {"foo": true} }',
      'value := (1, "foo" in 1)',
    ].join("\n");
    expect(evalJSON(src, "data.a")).toEqual({
      chained: true,
      grouped: true,
      in_set: [false],
      nested: true,
      value: false,
    });
  });

  it("evaluates template strings: values in Rego syntax, undefined shown, several values an error", () => {
    const src = [
      "package a",
      'name := "world"',
      "xs := [1, 2]",
      'g := $"hi {name}: {xs} {input.missing} \\{x} {count(xs) + 1} {{"k": "v"}}"',
      "raw := $`a {name}",
      "b`",
      'many := $"{xs[_]}"',
    ].join("\n");
    expect(evalJSON(src, "data.a.g", { input: {} })).toBe('hi world: [1, 2] <undefined> {x} 3 {"k": "v"}');
    expect(evalJSON(src, "data.a.raw")).toBe("a world\nb");
    const err = regoError(() => evalJSON(src, "data.a.many"));
    expect(err.code).toBe("eval_conflict_error");
    expect(err.message).toContain("template-strings must not produce multiple outputs");
    // An expression's parse error points into the template, where it is written.
    const bad = regoError(() => compileOne('package a\n\nm := $"ok {1 +}"\n'));
    expect([bad.code, bad.line, bad.col]).toEqual(["rego_parse_error", 3, 15]);
  });
});
