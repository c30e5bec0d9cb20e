/**
 * The part of OPA's type checking that matters most for destructuring:
 * unifying two literals of different shapes (`[x] = {"a": 1}`, `[a, b] =
 * [1, 2, 3]`, objects with different keys) can never succeed, and OPA
 * reports it at compile time as a type error rather than silently failing.
 */
import type { Term } from "../ast.js";
import { constantValue } from "./constants.js";
import { typeName, type Value } from "../value.js";

/** Why two terms can never unify, judging by their literal shapes; undefined when they might. */
export function shapeMismatch(a: Term, b: Term): string | undefined {
  if (a.type === "array" && b.type === "array") {
    if (a.items.length !== b.items.length)
      return `mismatch in number of array elements (${a.items.length} and ${b.items.length})`;
    for (let i = 0; i < a.items.length; i++) {
      const m = shapeMismatch(a.items[i]!, b.items[i]!);
      if (m) return m;
    }
    return undefined;
  }
  if (
    (a.type === "array" && (b.type === "object" || b.type === "set")) ||
    (b.type === "array" && (a.type === "object" || a.type === "set"))
  ) {
    return `cannot unify ${a.type} with ${b.type}`;
  }
  if (a.type === "object" && b.type === "object") {
    const ka = constantKeys(a);
    const kb = constantKeys(b);
    if (!ka || !kb) return undefined;
    if (ka.join("\0") !== kb.join("\0")) return `object keys do not match ([${ka.join(", ")}] and [${kb.join(", ")}])`;
    for (const [k, va] of a.entries) {
      const key = JSON.stringify(constantValue(k));
      const vb = b.entries.find(([kb2]) => JSON.stringify(constantValue(kb2)) === key)?.[1];
      const m = vb ? shapeMismatch(va, vb) : undefined;
      if (m) return m;
    }
  }
  return undefined;
}

/** `some <pattern> in <constant collection>` where no member can match the pattern's shape. */
export function memberShapeMismatch(pattern: Term, collection: Term): string | undefined {
  if (pattern.type !== "array") return undefined;
  const coll = constantValue(collection);
  if (coll === undefined || !Array.isArray(coll) || coll.length === 0) return undefined;
  const fits = (v: Value) => !Array.isArray(v) || v.length === pattern.items.length;
  if (coll.some(fits)) return undefined;
  return `mismatch in number of array elements (pattern of ${pattern.items.length})`;
}

/**
 * `some x in null` (or a boolean, number or string written in place): OPA
 * rewrites it to `x = null[k]`, a reference with a scalar head that the
 * type checker cannot type, so unifying it with a fresh variable is a
 * "match error" (ast/check.go unify2). Collections held in variables are
 * only known when evaluating, where a scalar has no members.
 */
export function someInScalarMismatch(pattern: Term, collection: Term): string | undefined {
  if (pattern.type !== "var" || collection.type !== "scalar") return undefined;
  const kind = typeName(collection.value);
  return `some ... in ${kind}: a ${kind} has no members`;
}

function constantKeys(t: Term & { type: "object" }): string[] | undefined {
  const keys: string[] = [];
  for (const [k] of t.entries) {
    const v = constantValue(k);
    if (v === undefined) return undefined;
    keys.push(JSON.stringify(v));
  }
  return keys.sort();
}
