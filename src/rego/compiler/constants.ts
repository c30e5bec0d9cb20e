/** Constant terms: scalars and collections of constants, valued once at compile time. */
import type { Term } from "../ast.js";
import { makeObject, RegoSet, type Value } from "../value.js";

/** The value of a constant term (scalars and collections of them), else undefined. */
export function constantValue(t: Term): Value | undefined {
  switch (t.type) {
    case "scalar":
      return t.value;
    case "array":
    case "set": {
      const out: Value[] = [];
      for (const x of t.items) {
        const v = constantValue(x);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return t.type === "array" ? out : new RegoSet(out);
    }
    case "object": {
      const out: [Value, Value][] = [];
      for (const [kt, vt] of t.entries) {
        const kv = constantValue(kt);
        const vv = constantValue(vt);
        if (kv === undefined || vv === undefined) return undefined;
        out.push([kv, vv]);
      }
      return makeObject(out);
    }
    default:
      return undefined;
  }
}
