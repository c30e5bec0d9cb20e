import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toJSON } from "../../src/rego/value.js";
import { compileOne } from "./helpers.js";

/**
 * Properties of the compiler's rewrites: they change how a body runs, never
 * what it yields.
 */
describe("rewrites keep results", () => {
  it("an indexed iteration yields what a plain scan yields", () => {
    const indexed = compileOne(
      'package a\nhits contains [i, r.n] if { r := input.rs[i]; r.t == input.want }\nfast contains [i, r.n] if { r := input.rs[i]; r.t == "x" }\n',
    );
    const plain = compileOne(
      'package a\nhits contains [i, r.n] if { r := input.rs[i]; r.t == concat("", [input.want]) }\n',
    );
    const resource = fc.record(
      { n: fc.integer({ min: 0, max: 5 }), t: fc.constantFrom("x", "y", 1, 1.0, true) },
      { requiredKeys: ["n"] },
    );
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 60 }), (rs) => {
        const input = { rs, want: "x" };
        const a = toJSON(indexed.evaluate("data.a.fast", { input })!);
        const b = toJSON(plain.evaluate("data.a.hits", { input })!);
        expect(a).toEqual(b);
      }),
      { numRuns: 60 },
    );
  });

  it("the order of a body's expressions does not change its results (safety reordering)", () => {
    const lits = ["x = input.xs[_]", "y = x * 2", "y > 2", "z = [y, x]", "not y == 8"];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(lits, { minLength: lits.length, maxLength: lits.length }),
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 8 }),
        (order, xs) => {
          const c = compileOne(`package a\np contains z if {\n  ${order.join("\n  ")}\n}\n`);
          const got = toJSON(c.evaluate("data.a.p", { input: { xs } })!);
          const want = [...new Set(xs.filter((x) => x * 2 > 2 && x * 2 !== 8))]
            .sort((p, q) => p - q)
            .map((x) => [x * 2, x]);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 60 },
    );
  });
});
