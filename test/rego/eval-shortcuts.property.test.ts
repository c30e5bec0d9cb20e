import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RegoError } from "../../src/rego/index.js";
import { toJSON } from "../../src/rego/value.js";
import { compileOne } from "./helpers.js";

/**
 * The evaluator's shortcuts (direct evaluation of one-valued terms and
 * literals, the compiler's scan index with the comparison it makes implied,
 * constant folding) must give what the general search gives. This generates
 * small policies over generated inputs and evaluates each package twice:
 * with the shortcuts and with `shortcuts: false`.
 */

const TYPES = ["a", "b", "c"] as const;
const KEYS = ["k", "env", "team"] as const;

const item = fc.record(
  {
    type: fc.constantFrom<unknown>(...TYPES, 1, true),
    n: fc.oneof(fc.integer({ min: -1, max: 5 }), fc.constant(2.5), fc.constant("3")),
    flag: fc.boolean(),
    tags: fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom("x", "y", "prod")),
  },
  { requiredKeys: ["type"] },
);

const inputDoc = fc.record({
  items: fc.array(item, { maxLength: 6 }),
  names: fc.array(fc.constantFrom("x", "y", "prod", "a"), { maxLength: 4 }),
  m: fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom("x", "y"), fc.integer({ min: 0, max: 3 }))),
});

const type = fc.constantFrom(...TYPES).map((t) => JSON.stringify(t));
const small = fc.integer({ min: -1, max: 5 });

/** A condition on the iterated member `x` (and on the input beside it). */
const condition: fc.Arbitrary<string> = fc.oneof(
  type.map((t) => `x.type == ${t}`),
  type.map((t) => `x.type != ${t}`),
  small.map((k) => `x.n > ${k}`),
  small.map((k) => `x.n <= ${k}`),
  fc.constant("not x.flag"),
  fc.constant("x.flag == false"),
  fc.constant("not x.missing.deep"),
  fc.constant("x.missing.deep == 1"),
  fc.constantFrom(...KEYS).map((k) => `x.tags.${k} == "prod"`),
  fc.constantFrom(...KEYS).map((k) => `not x.tags.${k}`),
  small.map((k) => `count(x.tags) >= ${k}`),
  fc.constant("x.n in {1, 2, 3}"),
  fc.constant("x.tags[_] == input.names[_]"),
  fc.constant("some v in x.tags; v in input.names"),
  fc.constant("[x.type, 1] == [input.items[0].type, 1]"),
  fc.constant('{"t": x.type} == {"t": "a"}'),
  fc.constant('startswith(sprintf("%v", [x.n]), "1")'),
  fc.constant('every v in x.tags { v != "y" }'),
);

/** Ways to iterate input.items binding x (some of them the scan index's shape). */
const iteration = fc.constantFrom(
  "some x in input.items",
  "x := input.items[i]",
  "x = input.items[_]",
  "some i, x in input.items",
  "some i; x := input.items[i]",
);

const conditions = fc.array(condition, { maxLength: 3 });

/** One rule `r<n>`: a head shape over an iteration and conditions. */
function rule(n: number): fc.Arbitrary<string> {
  const body = fc.tuple(iteration, conditions).map(([it, cs]) => [it, ...cs].join("; "));
  return fc.oneof(
    body.map((b) => `r${n} contains x.type if { ${b} }`),
    body.map((b) => `r${n} contains [x.n, x.flag] if { ${b} }`),
    body.map((b) => `r${n} := count([1 | ${b}])`),
    body.map((b) => `r${n} if { ${b} }`),
    body.map(
      (b) => `r${n} := {t: c | some t in {y.type | some y in input.items}; c := count([x | ${b}; x.type == t])}`,
    ),
    conditions.map((cs) => `r${n} if { every x in input.items { ${cs.length > 0 ? cs.join("; ") : "true"} } }`),
    conditions.map((cs) =>
      `r${n} contains k if { some k, x in input.m; ${cs.length > 0 ? cs.join("; ") : "x != 0"} }`.replaceAll(
        "x.",
        "input.items[0].",
      ),
    ),
    fc.constantFrom(
      `r${n} := {k: v | some k, v in input.m; is_string(v)}`,
      `r${n} contains v if { some x in input.items; v := x.tags[_]; not v in input.names }`,
      `r${n} := [[1, "a"], {"k": [true]}, {1, 2}]`,
      `r${n} if { [1, {"k": 2}] == [1, {"k": count(input.names)}] }`,
      `r${n} contains i if { input.items[i].type == "a" }`,
      `r${n} contains x if { x := input.names[_]; not x == "x" }`,
    ),
  );
}

/** A package of 1 to 4 rules; a later rule may negate or read an earlier one. */
const policy = fc
  .integer({ min: 1, max: 4 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => rule(i))))
  .chain((rules) =>
    fc
      .constantFrom(
        [],
        [`s if { not r0 }`],
        [`s contains y if { some y in r0; not y == "a" }`],
        [`s := {y | y := r0[_]}`],
      )
      .map((extra) => ["package p", ...rules, ...extra].join("\n")),
  );

function outcome(src: string, input: unknown, shortcuts: boolean): unknown {
  try {
    const v = compileOne(src).evaluate("data.p", { input: input as never, shortcuts });
    return v === undefined ? "undefined" : toJSON(v);
  } catch (err) {
    if (err instanceof RegoError) return `error: ${err.message}`;
    throw err;
  }
}

describe("evaluation shortcuts give the general search's results", () => {
  it("on generated policies and inputs", () => {
    fc.assert(
      fc.property(policy, inputDoc, (src, input) => {
        expect(outcome(src, input, true), src).toEqual(outcome(src, input, false));
      }),
      { numRuns: 150 },
    );
  });

  it("with shortcuts off the scan index's comparison is evaluated, not skipped as implied", () => {
    const src = 'package p\nr contains x.n if { some x in input.items; x.type == "a" }\n';
    const input = {
      items: [
        { type: "a", n: 1 },
        { type: "b", n: 2 },
      ],
    };
    expect(outcome(src, input, false)).toEqual({ r: [1] });
    expect(outcome(src, input, true)).toEqual({ r: [1] });
  });
});
