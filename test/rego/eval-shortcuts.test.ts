import { describe, expect, it } from "vitest";
import { compileModules, type EvaluateOptions, runRegoTests, type Value } from "../../src/rego/index.js";
import { toJSON } from "../../src/rego/value.js";
import { compileOne, evalJSON, regoError } from "./helpers.js";

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
    expect(evalJSON(src, "data.a.obj", { input })).toEqual([
      { k: 0, v: "p" },
      { k: 1, v: "q" },
    ]);
    expect(evalJSON(src, "data.a.keys", { input })).toEqual(["a/x", "b/y"]);
  });

  it("a reference step that is a reference itself: bound, missing, iterating, into base data", () => {
    const src = [
      "package a",
      "first(mask, path) if mask[path[0]]",
      "picked := [x | x := input.o[input.keys[1]]]",
      "missing if input.o[input.nokeys[0]]",
      "each contains v if v := input.o[input.keys[_]]",
      "pairs contains [i, v] if v := input.o[input.keys[i]]",
      "found := data.refs[input.keys[0]]",
      "falsy if input.o[input.keys[2]]",
      "t if first(input.o, input.keys)",
      'u if first(input.o, ["zz"])',
    ].join("\n");
    const input = { o: { a: 1, b: 2, c: false }, keys: ["a", "b", "c"] };
    const data = { refs: { a: ["x"] } };
    for (const shortcuts of [true, false]) {
      const opts = { input, data, shortcuts };
      expect(evalJSON(src, "data.a.picked", opts)).toEqual([2]);
      expect(evalJSON(src, "data.a.missing", opts)).toBeUndefined();
      expect(evalJSON(src, "data.a.each", opts)).toEqual([false, 1, 2]);
      expect(evalJSON(src, "data.a.pairs", opts)).toEqual([
        [0, 1],
        [1, 2],
        [2, false],
      ]);
      expect(evalJSON(src, "data.a.found", opts)).toEqual(["x"]);
      expect(evalJSON(src, "data.a.falsy", opts)).toBeUndefined();
      expect(evalJSON(src, "data.a.t", opts)).toBe(true);
      expect(evalJSON(src, "data.a.u", opts)).toBeUndefined();
    }
  });

  it("a reference into data with one value per step: rules, base documents, with, iteration, conflicts", () => {
    const src = [
      "package a",
      'rules := {"r1": {"sev": "high"}}',
      "sev(id) := data.a.rules[id].sev",
      "names contains n if some n, _ in data.a.rules",
      'high if sev("r1") == "high"',
      'none if sev("r2")',
      "from_base := [x | some x in data.refs[input.keys[0]]]",
      "nothing if data.refs[input.keys[1]]",
      "pkg := count(data.b)",
      'mocked := v if v := sev("r1") with data.a.rules as {"r1": {"sev": "low"}}',
      "each contains [k, v] if v := data.refs[k]",
      "x := 1 if input.twice",
      "x := 2 if input.twice",
      "conflict := data.a.x",
    ].join("\n");
    const compiled = compileModules([
      { file: "a.rego", text: src },
      { file: "b.rego", text: "package b\np := 1\nq := 2\n" },
    ]);
    const evalJSON = (_: string, ref: string, opts: EvaluateOptions) => {
      const v = compiled.evaluate(ref, opts);
      return v === undefined ? undefined : toJSON(v);
    };
    const input = { keys: ["a", "zz"] };
    const data = { refs: { a: ["u", "v"], b: [] } };
    for (const shortcuts of [true, false]) {
      const opts = { input, data, shortcuts };
      expect(evalJSON(src, "data.a.high", opts)).toBe(true);
      expect(evalJSON(src, "data.a.none", opts)).toBeUndefined();
      expect(evalJSON(src, "data.a.names", opts)).toEqual(["r1"]);
      expect(evalJSON(src, "data.a.from_base", opts)).toEqual(["u", "v"]);
      expect(evalJSON(src, "data.a.nothing", opts)).toBeUndefined();
      expect(evalJSON(src, "data.a.pkg", opts)).toBe(2);
      expect(evalJSON(src, "data.a.mocked", opts)).toBe("low");
      expect(evalJSON(src, "data.a.each", opts)).toEqual([
        ["a", ["u", "v"]],
        ["b", []],
      ]);
      expect(regoError(() => evalJSON(src, "data.a.conflict", { ...opts, input: { twice: true } })).code).toBe(
        "eval_conflict_error",
      );
    }
  });

  it("a variable bound to null is bound: a call reading it has its one value", () => {
    const src = [
      "package a",
      "set(v) if v != null",
      "kind(v) := type_name(v)",
      "r := [kind(x), count([1 | set(x)])] if x := input.n",
      "none if { x := input.n; set(x) }",
    ].join("\n");
    for (const shortcuts of [true, false]) {
      expect(evalJSON(src, "data.a.r", { input: { n: null }, shortcuts })).toEqual(["null", 0]);
      expect(evalJSON(src, "data.a.none", { input: { n: null }, shortcuts })).toBeUndefined();
    }
  });

  it("some ... in a direct collection, then the rest of the body: arrays, empty, undefined, sets, objects, early exits", () => {
    const src = [
      "package a",
      "pairs contains [i, x] if { some i, x in input.xs; x > 1 }",
      "none contains x if { some x in input.empty; x }",
      "missing contains x if { some x in input.nothing; x }",
      "in_set contains x if { some x in {3, 1, 2}; x != 2 }",
      "in_obj contains [k, v] if { some k, v in input.o; v != 0 }",
      "any_big if { some x in input.xs; x > 2 }",
      "no_big if not any_big_in(input.xs)",
      "any_big_in(xs) if { some x in xs; x > 9 }",
      "all_pos if every x in input.xs { x > 0 }",
      "last contains x if some x in input.xs",
    ].join("\n");
    const input = { xs: [1, 2, 3, 2], empty: [], o: { a: 1, b: 0, c: 2 } };
    for (const shortcuts of [true, false]) {
      const opts = { input, shortcuts };
      expect(evalJSON(src, "data.a.pairs", opts)).toEqual([
        [1, 2],
        [2, 3],
        [3, 2],
      ]);
      expect(evalJSON(src, "data.a.none", opts)).toEqual([]);
      expect(evalJSON(src, "data.a.missing", opts)).toEqual([]);
      expect(evalJSON(src, "data.a.in_set", opts)).toEqual([1, 3]);
      expect(evalJSON(src, "data.a.in_obj", opts)).toEqual([
        ["a", 1],
        ["c", 2],
      ]);
      expect(evalJSON(src, "data.a.any_big", opts)).toBe(true);
      expect(evalJSON(src, "data.a.no_big", opts)).toBe(true);
      expect(evalJSON(src, "data.a.all_pos", opts)).toBe(true);
      expect(evalJSON(src, "data.a.last", opts)).toEqual([1, 2, 3]);
    }
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
      'p := upper(sprintf("%v", [f(1)]))',
      'test_mock_function if p == "10" with f as 10',
      'test_mock_builtin if p == "X" with upper as "X"',
      'test_unmocked if p == "2"',
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
    const src =
      'package a\nc := input.tags.constructor\nt := input.tags.toString\np := input.tags["__proto__"]\nn := input.nested.constructor.x\n';
    const input = JSON.parse('{"tags": {"constructor": "ml"}, "nested": {"constructor": {"x": 1}}}');
    expect(evalJSON(src, "data.a.c", { input })).toBe("ml");
    expect(evalJSON(src, "data.a.t", { input })).toBeUndefined();
    expect(evalJSON(src, "data.a.p", { input })).toBeUndefined();
    expect(evalJSON(src, "data.a.n", { input })).toBe(1);
    expect(evalJSON(src, "data.a.t", { input: { tags: {} } })).toBeUndefined();
  });

  it("calls nested at several depths keep their own arguments (argument arrays are reused per depth)", () => {
    const src = [
      "package a",
      'g(y) := concat("+", [y, y])',
      'f(x) := concat("-", [x, g(x), upper(x)])',
      'p := concat(",", [f("a"), f(g("b")), lower(f("c"))])',
      'q := [f(x) | some x in ["d", "e"]]',
    ].join("\n");
    expect(evalJSON(src, "data.a.p")).toBe("a-a+a-A,b+b-b+b+b+b-B+B,c-c+c-c");
    expect(evalJSON(src, "data.a.q")).toEqual(["d-d+d-D", "e-e+e-E"]);
  });

  it("a branch computed without the search still takes else branches in order, and the search still finds conflicts", () => {
    const src = [
      "package a",
      "f(x) := 1 if x > 5",
      "else := 2 if x > 2",
      "else := 3",
      "vals := [f(9), f(4), f(0)]",
      "one := v if v := input.xs[_]",
    ].join("\n");
    expect(evalJSON(src, "data.a.vals")).toEqual([1, 2, 3]);
    expect(evalJSON(src, "data.a.one", { input: { xs: [7, 7] } })).toBe(7);
    expect(regoError(() => evalJSON(src, "data.a.one", { input: { xs: [7, 8] } })).code).toBe("eval_conflict_error");
  });

  it("variables a body bound are unbound when it backtracks, through not, every and comprehensions", () => {
    const src = [
      "package a",
      "pairs contains [x, y] if {",
      "\tsome x in input.xs",
      "\ty := x * 2",
      "\tnot y == 4",
      "\tevery z in input.xs { w := z + y; w > 0 }",
      "\tc := count([v | some v in input.xs; u := v; u > x])",
      "\tc >= 0",
      "}",
    ].join("\n");
    expect(evalJSON(src, "data.a.pairs", { input: { xs: [1, 2, 3] } })).toEqual([
      [1, 2],
      [3, 6],
    ]);
  });

  it("some k, v in a collection with one value binds its variables member by member, as the search does", () => {
    const src = [
      "package a",
      // fresh key and value, over an array, an object (sorted keys) and a set (sorted members)
      "pairs contains [k, v] if { xs := input.xs; some k, v in xs }",
      "keys contains [k, v] if { o := input.o; some k, v in o }",
      "members contains v if { s := {x | some x in input.xs}; some v in s }",
      // nested over the same collection, each loop's variables its own
      "twice contains [i, j] if { xs := input.xs; some i, x in xs; some j, y in xs; i < j; x == y }",
      // a comprehension over the same form: each member once, in order
      "listed := [v | xs := input.xs; some _, v in xs]",
      // a scalar has no members: nothing, no error
      "none contains v if { n := 3; some v in n }",
      // a comprehension argument and a call over it, both direct
      'joined := concat(".", [s | some s in input.xs; is_string(s)])',
    ].join("\n");
    const input = { xs: ["p", "q", "p"], o: { b: 2, a: 1 } };
    for (const shortcuts of [true, false]) {
      expect(evalJSON(src, "data.a.pairs", { input, shortcuts })).toEqual([
        [0, "p"],
        [1, "q"],
        [2, "p"],
      ]);
      expect(evalJSON(src, "data.a.keys", { input, shortcuts })).toEqual([
        ["a", 1],
        ["b", 2],
      ]);
      expect(evalJSON(src, "data.a.members", { input, shortcuts })).toEqual(["p", "q"]);
      expect(evalJSON(src, "data.a.twice", { input, shortcuts })).toEqual([[0, 2]]);
      expect(evalJSON(src, "data.a.listed", { input, shortcuts })).toEqual(["p", "q", "p"]);
      expect(evalJSON(src, "data.a.none", { input, shortcuts })).toEqual([]);
      expect(evalJSON(src, "data.a.joined", { input, shortcuts })).toBe("p.q.p");
    }
  });

  it("a rule over a resource type the document lacks reads that one key and iterates nothing", () => {
    // What lets hundreds of per-type rules cost nearly nothing on plans without their types.
    const read: string[] = [];
    let listed = 0;
    const byType = new Proxy<Record<string, Value>>(
      { aws_s3_bucket: [{ address: "b" }] },
      {
        get: (target, key) => {
          if (typeof key === "string" && key !== "constructor") read.push(key);
          return Reflect.get(target, key);
        },
        ownKeys: (target) => {
          listed++;
          return Reflect.ownKeys(target);
        },
      },
    );
    const src = [
      "package a",
      "deny contains r.address if {",
      "\tsome r in data.planguard.resources_by_type.aws_gpu_cluster",
      "\tr.after.encrypted == false",
      "}",
    ].join("\n");
    expect(evalJSON(src, "data.a.deny", { data: { planguard: { resources_by_type: byType } } })).toEqual([]);
    expect(read).toEqual(["aws_gpu_cluster"]);
    expect(listed).toBe(0);
  });
});
