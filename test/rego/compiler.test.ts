import { describe, expect, it } from "vitest";
import { compileModules } from "../../src/rego/index.js";
import { compileOne, evalJSON, regoError } from "./helpers.js";

describe("compiler: safety", () => {
  it("reports an unsafe variable with its location", () => {
    const err = regoError(() => compileOne("package a\n\np if {\n  x > 1\n}\n"));
    expect(err.code).toBe("rego_unsafe_var_error");
    expect(err.message).toBe("var x is unsafe");
    expect([err.line, err.col]).toEqual([4, 3]);
  });

  it("reorders a body so that generators come first, as OPA does", () => {
    const src = "package a\np contains y if {\n  y == x + 1\n  x = input.xs[_]\n  y = x + 1\n}\n";
    // `y == x + 1` needs x and y: it moves after the two unifications that bind them.
    expect(evalJSON(src, "data.a.p", { input: { xs: [1, 2] } })).toEqual([2, 3]);
  });

  it("never lets negation bind, and needs its variables bound", () => {
    expect(regoError(() => compileOne("package a\np if { not x == 1 }\n")).code).toBe("rego_unsafe_var_error");
    expect(evalJSON("package a\np if { not input.deny[_] }\n", "data.a.p", { input: { deny: [] } })).toBe(true);
  });

  it("checks rule heads: a head variable must be bound by the body", () => {
    const err = regoError(() => compileOne("package a\np contains x if { true }\n"));
    expect(err.code).toBe("rego_unsafe_var_error");
    expect(err.message).toBe("var x is unsafe");
  });

  it("lets comprehensions read variables bound around them, even when bound later in the body", () => {
    const src = "package a\np := ys if {\n  ys := [y | some y in xs; y > low]\n  xs = [1, 5, 9]\n  low = 4\n}\n";
    expect(evalJSON(src, "data.a.p")).toEqual([5, 9]);
  });
});

describe("compiler: declarations, conflicts, recursion, calls", () => {
  it("refuses := on an already declared variable and use before declaration", () => {
    expect(regoError(() => compileOne("package a\np if { x := 1; x := 2 }\n")).message).toBe("var x assigned above");
    expect(regoError(() => compileOne("package a\np if { y := x; x := 1 }\n")).errors.map((e) => e.message)).toContain(
      "var x referenced above",
    );
    expect(regoError(() => compileOne("package a\nf(x) := y if { x := 1; y := x }\n")).code).toBe("rego_compile_error");
  });

  it("refuses a `some` declaration that is never used", () => {
    const err = regoError(() => compileOne("package a\np if {\n  some x\n  true\n}\n"));
    expect([err.code, err.message, err.line]).toEqual(["rego_compile_error", "declared var x unused", 3]);
    expect(
      compileOne("package a\np contains x if { some x; input.xs[x] }\n").evaluate("data.a.p", { input: { xs: [5] } }),
    ).toBeDefined();
  });

  it("refuses shadowing input or data in v1", () => {
    expect(regoError(() => compileOne("package a\np if { input := 1; input > 0 }\n")).message).toContain("input");
  });

  it("refuses rules of different kinds at one path, and two defaults", () => {
    expect(regoError(() => compileOne("package a\np := 1\np contains 2\n")).message).toBe(
      "conflicting rules data.a.p found",
    );
    expect(regoError(() => compileOne("package a\ndefault p := 1\ndefault p := 2\n")).message).toBe(
      "multiple default rules data.a.p found",
    );
    expect(regoError(() => compileOne("package a\nf(x) := 1\nf(x, y) := 2\n")).code).toBe("rego_type_error");
  });

  it("reports recursion between rules with the cycle", () => {
    const err = regoError(() => compileOne("package a\np if q\nq if p\n"));
    expect(err.code).toBe("rego_recursion_error");
    expect(err.message).toMatch(/^rule data\.a\.[pq] is recursive: data\.a\.[pq] -> data\.a\.[pq] -> data\.a\.[pq]$/);
  });

  it("reports recursion through a dynamic reference only for rules the rest of its path can reach (OPA issue 7399)", () => {
    // data[first].allow.see.other reaches data.primary.allow only, never data.test.p itself.
    const lib = [
      { file: "t.rego", text: 'package test\np := data[first].allow.see.other if first := "primary"\n' },
      {
        file: "p.rego",
        text: 'package primary\nallow[action].something if action := "show"\nallow.see.other if true\n',
      },
      { file: "u.rego", text: "package unrelated\nallow.other.stuff if true\n" },
      { file: "g.rego", text: 'package templates.gcp.bucket\ndeny contains "open" if input.public\n' },
      {
        file: "v.rego",
        text: "package check\nviolations contains m if { some t; m := data.templates.gcp[t].deny[_] }\ndeny := violations\n",
      },
    ];
    const compiled = compileModules(lib);
    expect(compiled.evaluate("data.test.p")).toBe(true);
    expect(compiled.evaluate("data.check.deny", { input: { public: true } })).toEqual(
      expect.objectContaining({ size: 1 }),
    );
    // A dynamic reference that can reach the rule itself still is recursion.
    const err = regoError(() => compileOne('package a\np := data[x].p if x := "a"\n'));
    expect(err.code).toBe("rego_recursion_error");
    expect(err.message).toBe("rule data.a.p is recursive: data.a.p -> data.a.p");
  });

  it("names a builtin that does not exist (http.send) at compile time", () => {
    const err = regoError(() => compileOne('package a\np := r if { r := http.send({"url": "x"}) }\n'));
    expect(err.code).toBe("rego_type_error");
    expect(err.message).toBe("undefined function http.send");
    expect(err.line).toBe(2);
  });

  it("checks arity; an extra output argument only where the call is the whole expression", () => {
    expect(regoError(() => compileOne("package a\np := count([1], [2], [3])\n")).code).toBe("rego_type_error");
    expect(regoError(() => compileOne("package a\np := x if { x := count([1], [2]) }\n")).message).toContain(
      "arity mismatch",
    );
    expect(evalJSON("package a\np := n if { count([1, 2], n) }\n", "data.a.p")).toBe(2);
  });

  it("refuses literal shapes that can never unify", () => {
    expect(regoError(() => compileOne("package a\np if { [x, y] = [1, 2, 3] }\n")).code).toBe("rego_type_error");
    expect(regoError(() => compileOne('package a\np if { [x] = {"a": 1} }\n')).code).toBe("rego_type_error");
  });

  it("refuses some ... in a scalar literal, as OPA's type checker does; a scalar in a variable is just undefined", () => {
    for (const coll of ["null", "false", "0", '""']) {
      expect(regoError(() => compileOne(`package a\np if { some _ in ${coll} }\n`)).code).toBe("rego_type_error");
    }
    expect(regoError(() => compileOne('package a\np if { some k, v in "ab"; k; v }\n')).code).toBe("rego_type_error");
    expect(evalJSON("package a\np if { y := null; some x in y; x }\n", "data.a.p")).toBeUndefined();
    expect(evalJSON("package a\np if { 1 in null }\n", "data.a.p")).toBeUndefined();
  });

  it("aggregates several problems in one error, sorted by place", () => {
    const err = regoError(() => compileOne("package a\np if { x > 1 }\nq if { y > 1 }\n"));
    expect(err.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(err.describe().split("\n")).toHaveLength(2);
  });
});

describe("compiler: imports and packages", () => {
  const lib = { file: "lib.rego", text: 'package lib.util\nallowed := {"a", "b"}\ndouble(x) := 2 * x\n' };

  it("resolves imports with and without aliases, and data paths", () => {
    const main = {
      file: "main.rego",
      text: "package main\nimport data.lib.util\nimport data.lib.util.allowed as ok\nimport input.items as items\np := [util.double(2), count(ok), data.lib.util.double(5), count(items)]\n",
    };
    const c = compileModules([lib, main]);
    expect(c.evaluate("data.main.p", { input: { items: [1, 2, 3] } })).toEqual([4, 2, 10, 3]);
  });

  it("spreads a package over several files", () => {
    const c = compileModules([
      { file: "a.rego", text: "package p\nx := 1\n" },
      { file: "b.rego", text: "package p\ny := x + 1\n" },
    ]);
    expect(c.evaluate("data.p.y")).toBe(2);
    expect(c.packages().map((p) => p.file)).toEqual(["a.rego", "b.rego"]);
  });
});
