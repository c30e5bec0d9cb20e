import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalKey, equal, RegoObject, RegoSet, type Value } from "../../src/rego/value.js";

/**
 * Set membership and object keys rest on canonical keys: two values share one
 * exactly when they are equal. Objects of scalars (findings) are keyed without
 * the cache, objects holding collections with it, so both paths, and a second
 * keying of the same object (from the cache or not), must agree with `equal`.
 * Strings are drawn from a small alphabet that includes the key's own syntax
 * (`:`, `s`, `{`, `}`, digits), so that near collisions are generated.
 */

const text = fc.string({ unit: fc.constantFrom("a", "s", ":", "1", "{", "}", "#"), maxLength: 4 });
const scalar = fc.oneof(text, fc.constantFrom<Value>(null, true, false, 0, 1, 11, 1.5));
const key = fc.constantFrom("a", "s", "1:s", "b}", "");

const { value } = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.dictionary(key, scalar, { maxKeys: 3 }),
    fc.dictionary(key, tie("value"), { maxKeys: 3 }),
    fc.array(tie("value"), { maxLength: 3 }),
  ),
}));

describe("canonical keys", () => {
  it("are equal exactly when the values are, however often and in whichever order they are taken", () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const first = canonicalKey(a);
        expect(canonicalKey(b) === first).toBe(equal(a, b));
        // Again: from the cache for objects holding collections, recomputed for objects of scalars.
        expect(canonicalKey(a)).toBe(first);
        expect(canonicalKey(structuredClone(a))).toBe(first);
      }),
      { numRuns: 2000 },
    );
  });

  it("of a plain object are those of the same entries held by a RegoObject (keys of any type)", () => {
    fc.assert(
      fc.property(value, (v) => {
        if (typeof v !== "object" || v === null || Array.isArray(v) || v instanceof RegoSet) return;
        expect(canonicalKey(v)).toBe(canonicalKey(new RegoObject(Object.entries(v))));
      }),
      { numRuns: 1000 },
    );
  });

  it("tell apart a string that spells other members from those members", () => {
    // Without each member's length, {a: "x", b: "y"} and {a: <text of the rest>} would share a key.
    const pairs: [Value, Value][] = [
      [{ a: "x", b: "y" }, { a: "x2:sb2:sy" }],
      [{ a: "x", b: "y" }, { a: "x2:sb:sy" }],
      [{ a: "1" }, { a: 1 }],
      [{ a: { b: "c" } }, { a: "{2:sb2:sc}" }],
    ];
    for (const [a, b] of pairs) expect(canonicalKey(a), JSON.stringify([a, b])).not.toBe(canonicalKey(b));
  });

  it("keep one member per distinct finding-like object in a set", () => {
    const finding = fc.record({ msg: text, resource: text, attribute: text });
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 8 }), (list) => {
        const set = new RegoSet();
        for (const f of list) set.addDuringConstruction({ ...f });
        const distinct = list.filter((f, i) => list.findIndex((g) => equal(f, g)) === i);
        expect(set.size).toBe(distinct.length);
        for (const f of list) expect(set.has({ ...f })).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
