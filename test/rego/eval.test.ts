import { describe, expect, it } from "vitest";
import { compileModules, runRegoTests } from "../../src/rego/index.js";
import { toJSON } from "../../src/rego/value.js";
import { compileOne, evalJSON, queryJSON, regoError } from "./helpers.js";

describe("evaluation: rules", () => {
  it("undefined is not false; default applies only when undefined", () => {
    const src = "package a\ndefault allow := false\nallow if input.ok\nother if input.ok\n";
    expect(evalJSON(src, "data.a.allow", { input: { ok: true } })).toBe(true);
    expect(evalJSON(src, "data.a.allow", { input: { ok: false } })).toBe(false);
    expect(evalJSON(src, "data.a.other", { input: {} })).toBeUndefined();
  });

  it("raises a conflict when complete rules disagree, never 'first wins'", () => {
    const err = regoError(() => compileOne("package a\np := 1 if true\np := 2 if true\n").evaluate("data.a.p"));
    expect(err.code).toBe("eval_conflict_error");
    expect(err.message).toContain("data.a.p");
    expect(regoError(() => compileOne("package a\np := x if { some x in [1, 2] }\n").evaluate("data.a.p")).code).toBe(
      "eval_conflict_error",
    );
  });

  it("unions partial sets and objects, and refuses two values for one key", () => {
    const src =
      'package a\ns contains x if some x in [1, 2]\ns contains 3\no[k] := v if { some k, v in {"a": 1} }\no["b"] := 2\n';
    expect(evalJSON(src, "data.a.s")).toEqual([1, 2, 3]);
    expect(evalJSON(src, "data.a.o")).toEqual({ a: 1, b: 2 });
    expect(
      regoError(() => compileOne('package a\no[k] := v if { k := "a"; some v in [1, 2] }\n').evaluate("data.a.o")).code,
    ).toBe("eval_conflict_error");
  });

  it("builds nested objects from rule heads with references", () => {
    const src =
      "package a\nbuckets[name].public := true if { some name in input.public }\nbuckets[name].tags contains t if { some name, ts in input.tags; some t in ts }\nx.y.z := 1\n";
    const input = { public: ["b1"], tags: { b1: ["t1", "t2"], b2: ["t3"] } };
    expect(evalJSON(src, "data.a.buckets", { input })).toEqual({
      b1: { public: true, tags: ["t1", "t2"] },
      b2: { tags: ["t3"] },
    });
    expect(evalJSON(src, "data.a.x")).toEqual({ y: { z: 1 } });
  });

  it("tries else branches in order", () => {
    const src = 'package a\nlevel := "high" if input.n > 10\nelse := "mid" if input.n > 5\nelse := "low"\n';
    expect([20, 7, 1].map((n) => evalJSON(src, "data.a.level", { input: { n } }))).toEqual(["high", "mid", "low"]);
  });

  it("calls functions with several definitions and patterns, and refuses conflicting outputs", () => {
    const src =
      'package a\nf(1) := "one"\nf(x) := "big" if x > 10\ng([a, b]) := a + b\nv := [f(1), f(11), g([2, 3])]\nu := f(5)\n';
    expect(evalJSON(src, "data.a.v")).toEqual(["one", "big", 5]);
    expect(evalJSON(src, "data.a.u")).toBeUndefined();
    expect(regoError(() => compileOne("package a\nf(x) := 1\nf(x) := 2\np := f(0)\n").evaluate("data.a.p")).code).toBe(
      "eval_conflict_error",
    );
  });
});

describe("evaluation: expressions", () => {
  it("unifies with destructuring on both sides", () => {
    expect(queryJSON("package a", '[x, {"k": y}] = [1, {"k": 2}]')).toEqual([{ x: 1, y: 2 }]);
    expect(queryJSON("package a", "[1, x] = [y, 2]")).toEqual([{ x: 2, y: 1 }]);
    expect(queryJSON("package a", "[x, 1] = [2, 3]")).toEqual([]);
  });

  it("iterates with some ... in, some k, v in and references", () => {
    expect(queryJSON("package a", 'some k, v in {"a": 1, "b": 2}')).toEqual([
      { k: "a", v: 1 },
      { k: "b", v: 2 },
    ]);
    expect(queryJSON("package a", "x := input.xs[i]", { input: { xs: ["p", "q"] } })).toEqual([
      { i: 0, x: "p" },
      { i: 1, x: "q" },
    ]);
  });

  it("every is true on empty collections and false when one member fails", () => {
    const src = "package a\nall_pos if every x in input.xs { x > 0 }\n";
    expect(evalJSON(src, "data.a.all_pos", { input: { xs: [] } })).toBe(true);
    expect(evalJSON(src, "data.a.all_pos", { input: { xs: [1, 2] } })).toBe(true);
    expect(evalJSON(src, "data.a.all_pos", { input: { xs: [1, -2] } })).toBeUndefined();
  });

  it("gives comprehensions their own scope", () => {
    const src =
      "package a\np := [x, ys] if {\n  x := 10\n  ys := [x | some x in [1, 2]]\n}\nq := {k: v | some k, v in [5, 6]}\n";
    expect(evalJSON(src, "data.a.p")).toEqual([10, [1, 2]]);
    expect(evalJSON(src, "data.a.q")).toEqual({ "0": 5, "1": 6 });
  });

  it("maps operators to builtins and compares structurally (1 == 1.0, sets by members)", () => {
    expect(queryJSON("package a", "x := [1 == 1.0, {1, 2} == {2, 1}, 7 / 2, 7 % 2, {1, 2} - {1}]")).toEqual([
      { x: [true, true, 3.5, 1, [2]] },
    ]);
  });

  it("makes builtin errors undefined unless strict", () => {
    const src = "package a\np := x if { x := 1 + input.s }\n";
    expect(evalJSON(src, "data.a.p", { input: { s: "a" } })).toBeUndefined();
    const err = regoError(() => compileOne(src).evaluate("data.a.p", { input: { s: "a" }, strictBuiltinErrors: true }));
    expect(err.code).toBe("eval_type_error");
    expect(err.line).toBe(2);
  });

  it("prints to the sink, <undefined> for undefined arguments", () => {
    const lines: string[] = [];
    compileOne('package a\np if { print("x is", input.x, input.missing) }\n').evaluate("data.a.p", {
      input: { x: [1] },
      print: (l) => lines.push(l),
    });
    expect(lines).toEqual(["x is [1] <undefined>"]);
  });

  it("gives the print sink the location of the print call, as OPA's print hook gets one", () => {
    const seen: string[] = [];
    compileOne('package a\np if {\n  true\n  print("here")\n}\n').evaluate("data.a.p", {
      print: (l, loc) => seen.push(`${loc.file}:${loc.line}: ${l}`),
    });
    expect(seen).toEqual(["test.rego:4: here"]);
  });
});

describe("evaluation: with", () => {
  const src =
    "package a\nnames contains n if { some r in input.rs; n := r.name }\ncount_names := count(names)\nlimit := data.config.limit\nover if count_names > limit\nmock_count(_) := 100\n";

  it("replaces input and data for the expression and what it calls", () => {
    const c = compileOne(src);
    const input = { rs: [{ name: "a" }] };
    const r = c.query(
      'x := data.a.count_names with input as {"rs": [{"name": "a"}, {"name": "b"}]}; y := data.a.count_names',
      { input },
    );
    // Memoized values do not leak between contexts: y sees the real input.
    expect(r.map((x) => toJSON(x.bindings))).toEqual([{ x: 2, y: 1 }]);
    expect(
      toJSON(
        c.query("x := data.a.over with data.config.limit as 0", { input, data: { config: { limit: 5 } } })[0]!.bindings,
      ),
    ).toEqual({ x: true });
  });

  it("mocks builtins and functions", () => {
    const c = compileOne(
      src + "p := x if { x := count([1]) with count as mock_count }\nq := x if { x := count([1]) with count as 7 }\n",
    );
    expect(c.evaluate("data.a.p")).toBe(100);
    expect(c.evaluate("data.a.q")).toBe(7);
  });

  it("runs a mock without the mocks: calling what it replaces reaches the original", () => {
    const mocks = [
      "package m",
      'mock_count("one") := 1',
      'mock_count(x) := count(x) if x != "one"',
      'p := s if s := {count(n) | some n in {"one", "two", "tree"}} with count as mock_count',
      "f(x) := 2",
      "g(x) := f(x)",
      "q := y if y := f(1) with f as g",
      // A mock never reaches another mock set around it.
      'boom(x) := object.union_n(x) if {x: i | x := ["a", "a"][i]}',
      "size(x) := count(x)",
      "outer if inner with count as boom",
      "inner if union with object.union_n as size",
      "union if object.union_n([{}])",
    ].join("\n");
    expect(evalJSON(mocks, "data.m.p")).toEqual([1, 3, 4]);
    expect(evalJSON(mocks, "data.m.q")).toBe(2);
    expect(evalJSON(mocks, "data.m.outer")).toBe(true);
  });

  it("takes a builtin as the replacement, of a builtin or a function", () => {
    const src = [
      "package b",
      'compound := x if x = count([{}, {"foo": 3}]) with count as object.union_n',
      'simple := x if x = object.union_n([{}, {"foo": 3}]) with object.union_n as count',
      "f(_) := 2",
      "fn := y if y = f([1]) with f as count",
      "captured if f([1], 1) with f as count",
    ].join("\n");
    expect(evalJSON(src, "data.b")).toEqual({ compound: { foo: 3 }, simple: 2, fn: 1, captured: true });
    // Only a function or builtin target takes a function: as a document's value, `count` is a variable.
    expect(regoError(() => compileOne("package c\np if { input.x with input.x as count }\n")).message).toBe(
      "var count is unsafe",
    );
  });

  it("iterates a `with` value that has several values, as OPA moves it into the body", () => {
    const src = [
      "package it",
      'assets := [{"n": 1}, {"n": 2}, {"n": 3}]',
      "big if input.asset.n > 1",
      "hits contains i if big with input.asset as assets[i]",
      "none_big if not big with input.asset as assets[0]",
    ].join("\n");
    expect(evalJSON(src, "data.it.hits")).toEqual([1, 2]);
    expect(evalJSON(src, "data.it.none_big")).toBe(true);
    expect(queryJSON(src, "data.it.big with input.asset as data.it.assets[i]")).toEqual([{ i: 1 }, { i: 2 }]);
    expect(
      compileOne(src)
        .query("data.it.big with input.asset as data.it.assets[i]")
        .map((r) => r.expressions),
    ).toEqual([[true], [true]]);
  });
});

describe("evaluation: data as one tree", () => {
  it("iterates packages and base documents alike", () => {
    const c = compileModules([
      { file: "p1.rego", text: 'package policies.p1\ndeny contains "one"\n' },
      { file: "p2.rego", text: 'package policies.p2\ndeny contains "two"\n' },
    ]);
    const data = { policies: { p3: { deny: ["three"] } } };
    const r = c.query("some name; msg := data.policies[name].deny[_]", { data });
    expect(r.map((x) => toJSON(x.bindings))).toEqual([
      { msg: "one", name: "p1" },
      { msg: "two", name: "p2" },
      { msg: "three", name: "p3" },
    ]);
    expect(toJSON(c.evaluate("data.policies", { data })!)).toEqual({
      p1: { deny: ["one"] },
      p2: { deny: ["two"] },
      p3: { deny: ["three"] },
    });
  });

  it('reads base documents by storage path, as OPA does: data[1] is data["1"], data.arr["0"] its first element', () => {
    const src = 'package a\np := data.arr["0"]\nq := data.obj[1]\nr := data.obj[true]\ns := o[1] if o := data.obj\n';
    const data = { arr: [10, 20], obj: { "1": "one", true: 1 } };
    // Only refs into data are store paths; a value bound to a variable is indexed by value.
    expect(evalJSON(src, "data.a", { data })).toEqual({ p: 10, q: "one" });
  });

  it("shows the base document where a rule and base data share a path, as OPA merges them", () => {
    const src = 'package topdown.conflicts\nk := "bar"\nother := 1\n';
    expect(evalJSON(src, "data.topdown.conflicts", { data: { topdown: { conflicts: { k: "foo" } } } })).toEqual({
      k: "foo",
      other: 1,
    });
  });
});

describe("evaluation: bounds", () => {
  it("stops at the time budget with an error naming the rule", () => {
    const src = "package a\nn := numbers.range(1, 400)\nslow := count([1 | some x in n; some y in n; some z in n])\n";
    const err = regoError(() => compileOne(src).evaluate("data.a.slow", { timeoutMs: 50 }));
    expect(err.code).toBe("eval_cancel_error");
    expect(err.message).toContain("data.a.slow");
  });

  it("a session's evaluations share one time budget (a scan's budget is per plan)", () => {
    const src = "package a\nquick := 1\nbusy := count([x | some x in numbers.range(1, 5000)])\n";
    const session = compileOne(src).session({ timeoutMs: 40 });
    expect(session.evaluate("data.a.quick")).toBe(1);
    const until = Date.now() + 60;
    while (Date.now() < until) {
      // The time of the rules evaluated before: the budget is spent.
    }
    const err = regoError(() => session.evaluate("data.a.busy"));
    expect(err.code).toBe("eval_cancel_error");
    // A new session has a budget of its own.
    expect(compileOne(src).session({ timeoutMs: 5_000 }).evaluate("data.a.busy")).toBe(5000);
  });

  it("stops at the maximum depth with an error naming the rule", () => {
    const rules = Array.from({ length: 30 }, (_, i) => `r${i} := r${i + 1} + 1`).join("\n");
    const err = regoError(() => compileOne(`package a\n${rules}\nr30 := 0\n`).evaluate("data.a.r0", { maxDepth: 10 }));
    expect(err.code).toBe("eval_depth_error");
    expect(err.message).toMatch(/data\.a\.r\d+/);
  });
});

describe("indexed iteration", () => {
  it("gives the same results as a plain scan", () => {
    const indexed = 'package a\nhits contains r.name if { r := input.rs[_]; r.type == "t"; r.on }\n';
    const plain = 'package a\nhits contains r.name if { r := input.rs[_]; r.on; r.type == concat("", ["t"]) }\n';
    const rs = Array.from({ length: 200 }, (_, i) => ({
      name: `n${i}`,
      type: i % 3 === 0 ? "t" : "u",
      on: i % 2 === 0,
    }));
    const a = evalJSON(indexed, "data.a.hits", { input: { rs } });
    expect(a).toEqual(evalJSON(plain, "data.a.hits", { input: { rs } }));
    expect((a as string[]).length).toBe(34);
  });
});

describe("annotations and tests", () => {
  const text = [
    "# METADATA",
    "# title: Buckets",
    "# scope: package",
    "package a",
    "",
    "# METADATA",
    "# title: No public buckets",
    "# custom:",
    "#   id: PG-1",
    "#   severity: high",
    "deny contains msg if { msg := input.m }",
    "",
    'test_deny if { deny with input as {"m": "x"} }',
    'test_broken if { deny == {"y"} with input as {"m": "x"} }',
    "",
  ].join("\n");

  it("exposes annotations per package and rule", () => {
    const [pkg] = compileOne(text).packages();
    expect(pkg!.annotation?.title).toBe("Buckets");
    const deny = pkg!.rules.find((r) => r.name === "deny")!;
    expect(deny.annotation?.title).toBe("No public buckets");
    expect(deny.annotation?.custom).toEqual({ id: "PG-1", severity: "high" });
    expect([deny.line, deny.kind]).toEqual([11, "set"]);
  });

  it("runs test_* rules like opa test", () => {
    const results = runRegoTests(compileOne(text));
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ["test_deny", "pass"],
      ["test_broken", "fail"],
    ]);
    expect(runRegoTests(compileOne(text), { runPattern: "broken" }).map((r) => r.name)).toEqual(["test_broken"]);
  });
});
