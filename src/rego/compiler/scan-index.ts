/**
 * Finds the shape most plan policies have:
 *
 *   r := input.resource_changes[_]      (or `some r in ...`, `r = ...[_]`)
 *   r.type == "aws_s3_bucket"           (anywhere later in the same body)
 *
 * and marks the iterating literal so the evaluator can look the matching
 * members up in an index of the collection by that field (built once per
 * collection and field) instead of visiting every member. The comparison
 * stays in the body, so the result is the same; only the work shrinks.
 */
import type { Body, Literal, ScanIndex, Term } from "../ast.js";
import { constantValue } from "./constants.js";

/** Marks the iterating literals of a reordered body; `safeBefore` holds what each literal finds bound. */
export function annotateScans(body: Body, safeBefore: Map<Literal, Set<number>>): void {
  for (let i = 0; i < body.length; i++) {
    const lit = body[i]!;
    const safe = safeBefore.get(lit);
    if (!safe || lit.negated || lit.withs.length > 0) continue;
    const it = iteration(lit, safe);
    if (!it) continue;
    for (let j = i + 1; j < body.length; j++) {
      const cond = equalityOn(body[j]!, it.valueSlot);
      if (cond) {
        lit.scan = { ...it, ...cond };
        // Every member the index yields passes the comparison: no need to make it again.
        body[j]!.implied = true;
        break;
      }
    }
  }
}

type Iteration = Omit<ScanIndex, "field" | "value">;

/** `x := coll[k]` / `x = coll[k]` / `some x in coll` binding a fresh x (and k). */
function iteration(lit: Literal, safe: Set<number>): Iteration | undefined {
  const e = lit.expr;
  if (e.kind === "somein") {
    if (e.key || e.value.type !== "var" || e.value.slot === undefined || safe.has(e.value.slot)) return undefined;
    return { collection: e.collection, valueSlot: e.value.slot, viaMembers: true };
  }
  if (e.kind !== "assign" && e.kind !== "unify") return undefined;
  const pairs: [Term, Term][] =
    e.kind === "assign"
      ? [[e.left, e.right]]
      : [
          [e.left, e.right],
          [e.right, e.left],
        ];
  for (const [x, ref] of pairs) {
    if (x.type !== "var" || x.slot === undefined || safe.has(x.slot)) continue;
    if (ref.type !== "ref" || ref.path.length === 0) continue;
    const last = ref.path[ref.path.length - 1]!;
    if (last.type !== "var" || last.slot === undefined || safe.has(last.slot) || last.slot === x.slot) continue;
    // Earlier path segments must not bind anything (they are looked up, not iterated).
    if (ref.path.slice(0, -1).some((p) => p.type !== "scalar")) continue;
    if (
      ref.head.type !== "root" &&
      !(ref.head.type === "var" && ref.head.slot !== undefined && safe.has(ref.head.slot))
    )
      continue;
    const collection: Term =
      ref.path.length === 1 ? ref.head : { type: "ref", head: ref.head, path: ref.path.slice(0, -1), loc: ref.loc };
    return { collection, valueSlot: x.slot, keySlot: last.slot, viaMembers: false };
  }
  return undefined;
}

/** `x.a.b == c`, `c == x.a.b`, `x.a.b = c` or `c = x.a.b` with c constant. */
function equalityOn(lit: Literal, slot: number): Pick<ScanIndex, "field" | "value"> | undefined {
  if (lit.negated || lit.withs.length > 0) return undefined;
  const e = lit.expr;
  let a: Term | undefined;
  let b: Term | undefined;
  if (e.kind === "unify") [a, b] = [e.left, e.right];
  else if (
    e.kind === "term" &&
    e.term.type === "call" &&
    e.term.target?.kind === "builtin" &&
    e.term.target.name === "equal" &&
    e.term.args.length === 2
  ) {
    [a, b] = [e.term.args[0]!, e.term.args[1]!];
  }
  if (!a || !b) return undefined;
  for (const [ref, c] of [
    [a, b],
    [b, a],
  ] as [Term, Term][]) {
    if (ref.type !== "ref" || ref.head.type !== "var" || ref.head.slot !== slot) continue;
    if (!ref.path.every((p) => p.type === "scalar" && typeof p.value === "string")) continue;
    const value = constantValue(c);
    if (value === undefined) continue;
    return { field: ref.path.map((p) => (p as { value: string }).value), value };
  }
  return undefined;
}
