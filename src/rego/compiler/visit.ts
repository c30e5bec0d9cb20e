/**
 * The one walk over terms that the compiler's passes (and the evaluator's
 * per-term analyses) share: each pass says what it does at a term, and
 * whether to go into the term's parts, instead of spelling out every kind
 * of term again.
 */
import { directSubterms, exprTerms, type Body, type Rule, type Term } from "../ast.js";

/**
 * Called for each term before its parts; returning false skips the parts
 * (a pass that handles a term's parts itself walks them with walkTerm).
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a visitor that returns nothing walks on into the parts
export type TermVisitor = (t: Term) => boolean | void;

/**
 * Visits `t`, then its parts in order: a reference's head and path, the
 * items of arrays and sets, object keys and values, call arguments. With
 * `closures` (the default), also a comprehension's head terms and body;
 * without, a comprehension is visited but not entered (it is a scope of
 * its own).
 */
export function walkTerm(t: Term, visit: TermVisitor, closures = true): void {
  if (visit(t) === false) return;
  switch (t.type) {
    case "arraycomp":
    case "setcomp":
      if (closures) {
        walkTerm(t.term, visit, true);
        walkBody(t.body, visit, true);
      }
      return;
    case "objcomp":
      if (closures) {
        walkTerm(t.key, visit, true);
        walkTerm(t.value, visit, true);
        walkBody(t.body, visit, true);
      }
      return;
    default:
      for (const x of directSubterms(t)) walkTerm(x, visit, closures);
  }
}

/**
 * Visits the terms a body evaluates, literal by literal: each expression's
 * operands (exprTerms), the value of each `with` (its target is a name, not
 * evaluated), and, with `closures`, the body of an `every`.
 */
export function walkBody(body: Body, visit: TermVisitor, closures = true): void {
  for (const lit of body) {
    for (const t of exprTerms(lit.expr)) walkTerm(t, visit, closures);
    if (closures && lit.expr.kind === "every") walkBody(lit.expr.body, visit, true);
    for (const w of lit.withs) walkTerm(w.value, visit, closures);
  }
}

/**
 * Visits every term of a rule, comprehensions and `every` bodies included:
 * its body, each else (body, then value), then the head's value, key,
 * reference and arguments.
 */
export function walkRule(rule: Rule, visit: TermVisitor): void {
  walkBody(rule.body, visit);
  for (const e of rule.elses) {
    walkBody(e.body, visit);
    if (e.value) walkTerm(e.value, visit);
  }
  if (rule.head.value) walkTerm(rule.head.value, visit);
  if (rule.head.key) walkTerm(rule.head.key, visit);
  for (const t of rule.head.ref) walkTerm(t, visit);
  for (const t of rule.head.args ?? []) walkTerm(t, visit);
}

/** Whether `pred` holds for `t` or any of its parts (comprehensions are not entered). */
export function someTerm(t: Term, pred: (t: Term) => boolean): boolean {
  let found = false;
  walkTerm(
    t,
    (x) => {
      if (found) return false;
      if (pred(x)) found = true;
      return !found;
    },
    false,
  );
  return found;
}
