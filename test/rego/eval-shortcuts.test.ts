import { describe, expect, it } from "vitest";
import { runRegoTests } from "../../src/rego/index.js";
import { compileOne, evalJSON } from "./helpers.js";

// The evaluator takes shortcuts for speed (direct evaluation of terms with one
// value, function results memoized by argument identity, decoded JSON kept per
// string). These cases pin down that each shortcut gives what the general
// search gives.

describe("evaluation shortcuts keep OPA's results", () => {
  it("a reference with an unbound variable inside a call still iterates", () => {
    const src = 'package a\nmsgs contains m if m := sprintf("%v-%v", [input.xs[i], count(input.xs)])\n';
    expect(evalJSON(src, "data.a.msgs", { input: { xs: ["p", "q"] } })).toEqual(["p-2", "q-2"]);
  });

  it("a variable bound by a reference elsewhere in the same term is bound before it is read, in either order", () => {
    // OPA's compiler rewrites such a reference into its own expression; planguard evaluates the reference first.
    const src = [
      "package a",
      'fwd contains m if m := sprintf("%v-%v", [input.xs[i], i])',
      'back contains m if m := sprintf("%v-%v", [i, input.xs[i]])',
      'obj contains m if m := {"k": i, "v": input.xs[i]}',
      'keys contains m if m := concat("/", [k, input.o[k]])',
    ].join("\n");
    const input = { xs: ["p", "q"], o: { a: "x", b: "y" } };
    expect(evalJSON(src, "data.a.fwd", { input })).toEqual(["p-0", "q-1"]);
    expect(evalJSON(src, "data.a.back", { input })).toEqual(["0-p", "1-q"]);
    expect(evalJSON(src, "data.a.obj", { input })).toEqual([{ k: 0, v: "p" }, { k: 1, v: "q" }]);
    expect(evalJSON(src, "data.a.keys", { input })).toEqual(["a/x", "b/y"]);
  });

  it("a missing member makes a direct term undefined, not false", () => {
    const src = "package a\nyes if not input.a.b.c\nno if input.a.b.c == false\n";
    expect(evalJSON(src, "data.a.yes", { input: { a: {} } })).toBe(true);
    expect(evalJSON(src, "data.a.no", { input: { a: {} } })).toBeUndefined();
  });

  it("function results are per argument value: equal distinct objects and different objects", () => {
    const src = [
      "package a",
      "size(x) := count(x)",
      "has(x, v) if x == v",
      "has(x, v) if { is_array(x); v in x }",
      "sizes := [size(input.l[0]), size(input.l[1]), size(input.l[2]), size(input.l[0])]",
      'hits := [i | some i, s in input.l; has(s, "*")]',
    ].join("\n");
    const input = { l: [["a", "*"], ["a", "*"], ["b"]] };
    expect(evalJSON(src, "data.a.sizes", { input })).toEqual([2, 2, 1, 2]);
    expect(evalJSON(src, "data.a.hits", { input })).toEqual([0, 1]);
  });

  it("a function with a pattern parameter still matches it", () => {
    const src = 'package a\nfirst([x, _]) := x\nv := [first([1, 2]), first(["a", "b"])]\nnone if first([1])\n';
    expect(evalJSON(src, "data.a.v")).toEqual([1, "a"]);
    expect(evalJSON(src, "data.a.none")).toBeUndefined();
  });

  it("with replaces a function and a builtin inside a directly evaluated call", () => {
    const src = [
      "package a",
      "f(x) := x + 1",
      "p := upper(sprintf(\"%v\", [f(1)]))",
      "test_mock_function if p == \"10\" with f as 10",
      "test_mock_builtin if p == \"X\" with upper as \"X\"",
      "test_unmocked if p == \"2\"",
    ].join("\n");
    expect(runRegoTests(compileOne(src)).map((r) => [r.name, r.status])).toEqual([
      ["test_mock_function", "pass"],
      ["test_mock_builtin", "pass"],
      ["test_unmocked", "pass"],
    ]);
  });

  it("json.unmarshal of different strings gives each its own value", () => {
    const src = "package a\nvals := [json.unmarshal(s).v | some s in input.docs]\n";
    const docs = ['{"v": 1}', '{"v": 2}', '{"v": 1}'];
    expect(evalJSON(src, "data.a.vals", { input: { docs } })).toEqual([1, 2, 1]);
  });

  it("an object built by a rule keeps a __proto__ key as an ordinary member", () => {
    const src = 'package a\no := {k: 1 | some k in ["__proto__", "x"]}\nlit := {"__proto__": {"polluted": true}}\n';
    expect(evalJSON(src, "data.a.o")).toEqual(JSON.parse('{"__proto__": 1, "x": 1}'));
    expect(evalJSON(src, "data.a.lit")).toEqual(JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("reads only an object's own members, whatever their names", () => {
    const src = 'package a\nc := input.tags.constructor\nt := input.tags.toString\np := input.tags["__proto__"]\nn := input.nested.constructor.x\n';
    const input = JSON.parse('{"tags": {"constructor": "ml"}, "nested": {"constructor": {"x": 1}}}');
    expect(evalJSON(src, "data.a.c", { input })).toBe("ml");
    expect(evalJSON(src, "data.a.t", { input })).toBeUndefined();
    expect(evalJSON(src, "data.a.p", { input })).toBeUndefined();
    expect(evalJSON(src, "data.a.n", { input })).toBe(1);
    expect(evalJSON(src, "data.a.t", { input: { tags: {} } })).toBeUndefined();
  });
});
