/**
 * `with` values that must be evaluated (`with input.asset as assets[_]`)
 * move into the body as OPA's compiler moves them (rewriteWithModifier):
 * `$w0 = assets[_]` goes before the literal, whose `with` then takes `$w0`.
 * The variables of such a value are then bound by an ordinary expression,
 * which the safety pass orders like any other, and a value with several
 * values runs the literal once for each, as in OPA.
 */
import type { Body, Literal, Term } from "../ast.js";
import { someTerm } from "./visit.js";

export function hoistWithValues(body: Body, fresh: () => string): Body {
  if (!body.some((lit) => lit.withs.some((w) => needsEval(w.value)))) return body;
  const out: Body = [];
  for (const lit of body) {
    if (!lit.withs.some((w) => needsEval(w.value))) {
      out.push(lit);
      continue;
    }
    const withs = lit.withs.map((w) => {
      if (!needsEval(w.value)) return w;
      const v: Term = { type: "var", name: fresh(), loc: w.value.loc };
      // index -1: no expression of a query's own, so no value in its results.
      out.push({
        expr: { kind: "unify", left: v, right: w.value },
        negated: false,
        withs: [],
        loc: w.value.loc,
        index: -1,
      } satisfies Literal);
      return { ...w, value: { ...v } };
    });
    out.push({ ...lit, withs });
  }
  return out;
}

/**
 * A value that is more than a constant or a name: a name may be a function
 * (`with count as mock`), a plain reference has one value anyway.
 */
function needsEval(t: Term): boolean {
  if (isPlainName(t)) return false;
  return evaluates(t);
}

function evaluates(t: Term): boolean {
  return someTerm(
    t,
    (x) =>
      x.type === "ref" || x.type === "call" || x.type === "arraycomp" || x.type === "setcomp" || x.type === "objcomp",
  );
}

function isPlainName(t: Term): boolean {
  if (t.type === "var") return true;
  return (
    t.type === "ref" && t.head.type === "var" && t.path.every((p) => p.type === "scalar" && typeof p.value === "string")
  );
}
