import { describe, expect, it } from "vitest";
import { FunctionMemo, MEMO_TRIAL } from "../../src/rego/eval/calls.js";
import { evalJSON } from "./helpers.js";

// A function's memo is dropped in a context when its first MEMO_TRIAL misses
// came with few hits (the library's per-resource helpers); a memo changes no
// result, so the evaluation must give the same values before and after.

describe("a function's memo", () => {
  it("is dropped after its trial when nearly every call missed", () => {
    const memo = new FunctionMemo();
    const drops: number[] = [];
    for (let i = 1; i <= MEMO_TRIAL * 2; i++) if (memo.missWorthDropping()) drops.push(i);
    expect(drops).toEqual([MEMO_TRIAL]);
  });

  it("is kept when at least one call in eight was a hit", () => {
    const memo = new FunctionMemo();
    memo.hits = Math.ceil(MEMO_TRIAL / 7);
    let dropped = false;
    for (let i = 0; i < MEMO_TRIAL * 2; i++) dropped ||= memo.missWorthDropping();
    expect(dropped).toBe(false);
  });

  it("is dropped when the hits are fewer than one call in eight", () => {
    const memo = new FunctionMemo();
    memo.hits = Math.floor(MEMO_TRIAL / 8) - 1;
    let dropped = false;
    for (let i = 0; i < MEMO_TRIAL; i++) dropped ||= memo.missWorthDropping();
    expect(dropped).toBe(true);
  });

  it("gives the same values once dropped, for new and repeated arguments alike", () => {
    const n = MEMO_TRIAL * 3;
    const src = [
      "package a",
      "double(x) := y if y := x * 2",
      "odd(x) if x % 2 == 1",
      `firsts := [double(x) | some x in numbers.range(1, ${n})]`,
      "again := [double(5), double(300), double(1000), double(5)]",
      `odds := count([x | some x in numbers.range(1, ${n}); odd(x)])`,
      "all := [sum(firsts), again, odds, odd(3)]",
      "none if odd(4)",
    ].join("\n");
    const expected = [n * (n + 1), [10, 600, 2000, 10], Math.ceil(n / 2), true];
    expect(evalJSON(src, "data.a.all")).toEqual(expected);
    expect(evalJSON(src, "data.a.all", { shortcuts: false })).toEqual(expected);
    expect(evalJSON(src, "data.a.none")).toBeUndefined();
  });
});
