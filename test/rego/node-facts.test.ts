import { describe, expect, it } from "vitest";
import type { Rule } from "../../src/rego/ast.js";
import { toJSON } from "../../src/rego/value.js";
import { compileOne } from "./helpers.js";

// The evaluator keeps what it works out about a syntax node on the node
// (src/rego/eval/node-facts.ts). Those facts must stay invisible: the build
// serializes compiled modules into its caches, and the compiler's passes copy
// nodes with spreads.

const src = [
  "package a",
  "f(x) := y if y := x.v",
  'p contains m if { some r in input.rs; m := f(r); not r.skip; m != "b" }',
].join("\n");

function allTerms(rule: Rule): object[] {
  const out: object[] = [rule];
  const seen = new Set<unknown>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    out.push(v);
    for (const x of Object.values(v)) visit(x);
  };
  visit(rule.body);
  visit(rule.head);
  return out;
}

describe("facts the evaluator keeps on syntax nodes", () => {
  it("are neither serialized nor copied by a spread, and the module serializes as before evaluation", () => {
    const compiled = compileOne(src);
    const module = compiled.program.modules[0]!;
    // The rules' bodies and heads, as the compiled cache writes them (the module links back to itself).
    const serialized = () => JSON.stringify(module.rules.map((r) => [r.head, r.body]));
    const before = serialized();
    const input = {
      rs: [
        { v: "a", skip: false },
        { v: "b", skip: false },
        { v: "c", skip: true },
      ],
    };
    expect(toJSON(compiled.evaluate("data.a.p", { input })!)).toEqual(["a"]);
    expect(serialized()).toBe(before);
    const nodes = module.rules.flatMap(allTerms);
    // The evaluation left facts on the nodes it read...
    expect(nodes.some((n) => Object.getOwnPropertySymbols(n).length > 0)).toBe(true);
    // ...none of them enumerable, so a copy carries none.
    for (const n of nodes) expect(Object.getOwnPropertySymbols({ ...n })).toEqual([]);
  });

  it("give the same results to a second evaluation and to one without shortcuts", () => {
    const compiled = compileOne(src);
    const input = { rs: [{ v: "x" }, { v: "b" }] };
    const first = toJSON(compiled.evaluate("data.a.p", { input })!);
    expect(toJSON(compiled.evaluate("data.a.p", { input })!)).toEqual(first);
    expect(toJSON(compiled.evaluate("data.a.p", { input, shortcuts: false })!)).toEqual(first);
    expect(first).toEqual(["x"]);
  });
});
