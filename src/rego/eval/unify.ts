/**
 * Unification (OPA's unify): `a = b` evaluates the side that can be and
 * matches the other against its value, binding the variables it leaves
 * unbound; a binding lasts for the continuation only.
 */
import type { Term } from "../ast.js";
import { constantValue } from "../compiler/constants.js";
import { RegoError } from "../errors.js";
import { equal, isObject, objectSize, type ObjectValue, type Value } from "../value.js";
import { indexValue } from "./collections.js";
import { NEEDS_SEARCH } from "./direct.js";
import type { Evaluator, K } from "./evaluator.js";

export const unification = {
  /** `a = b`: evaluates the side that can be, and matches the other against it. */
  unifyTerms(this: Evaluator, a: Term, b: Term, k: K): boolean {
    if (this.canEval(b)) {
      if (this.isDirect(b)) {
        const vb = this.direct(b);
        if (vb !== NEEDS_SEARCH) return vb !== undefined && this.unifyPattern(a, vb, k);
      }
      return this.evalTerm(b, (vb) => this.unifyPattern(a, vb, k));
    }
    if (this.canEval(a)) return this.evalTerm(a, (va) => this.unifyPattern(b, va, k));
    if (a.type === "array" && b.type === "array") {
      if (a.items.length !== b.items.length) return false;
      return this.unifyPairs(
        a.items.map((x, i) => [x, b.items[i]!] as [Term, Term]),
        k,
      );
    }
    if (a.type === "object" && b.type === "object") {
      if (a.entries.length !== b.entries.length) return false;
      const pairs: [Term, Term][] = [];
      for (const [ka, va] of a.entries) {
        const kv = constantValue(ka);
        const match = b.entries.find(([kb]) => {
          const kbv = constantValue(kb);
          return kv !== undefined && kbv !== undefined && equal(kv, kbv);
        });
        if (!match) return false;
        pairs.push([va, match[1]]);
      }
      return this.unifyPairs(pairs, k);
    }
    throw new RegoError("rego_unsafe_var_error", "unification of two unbound terms", a.loc);
  },

  /** Unifies pairs, each as soon as one of its sides can be evaluated. */
  unifyPairs(this: Evaluator, pairs: [Term, Term][], k: K): boolean {
    if (pairs.length === 0) return k();
    let idx = pairs.findIndex(([x, y]) => this.canEval(x) || this.canEval(y));
    if (idx < 0) idx = 0;
    const [x, y] = pairs[idx]!;
    const rest = pairs.filter((_, i) => i !== idx);
    return this.unifyTerms(x, y, () => this.unifyPairs(rest, k));
  },

  /** Matches a term against a value, binding its unbound variables. */
  unifyPattern(this: Evaluator, t: Term, v: Value, k: K): boolean {
    switch (t.type) {
      case "var": {
        const slot = t.slot!;
        const cur = this.frame[slot];
        if (cur === undefined) {
          this.frame[slot] = v;
          const r = k();
          this.frame[slot] = undefined;
          return r;
        }
        return equal(cur, v) && k();
      }
      case "scalar":
        return equal(t.value, v) && k();
      case "array":
        if (!Array.isArray(v) || v.length !== t.items.length) return false;
        return this.unifyItems(t.items, v, 0, k);
      case "object":
        if (!isObject(v) || objectSize(v) !== t.entries.length) return false;
        return this.unifyEntries(t.entries, v, 0, k);
      default:
        return this.evalTerm(t, (tv) => equal(tv, v) && k());
    }
  },

  unifyItems(this: Evaluator, items: Term[], values: Value[], i: number, k: K): boolean {
    if (i === items.length) return k();
    return this.unifyPattern(items[i]!, values[i]!, () => this.unifyItems(items, values, i + 1, k));
  },

  unifyEntries(this: Evaluator, entries: [Term, Term][], obj: ObjectValue, i: number, k: K): boolean {
    if (i === entries.length) return k();
    const [kt, vt] = entries[i]!;
    return this.evalTerm(kt, (key) => {
      const child = indexValue(obj, key);
      return child !== undefined && this.unifyPattern(vt, child, () => this.unifyEntries(entries, obj, i + 1, k));
    });
  },

  unifyArgs(this: Evaluator, params: Term[], args: Value[], i: number, k: K): boolean {
    if (i === params.length) return k();
    return this.unifyPattern(params[i]!, args[i]!, () => this.unifyArgs(params, args, i + 1, k));
  },
};
