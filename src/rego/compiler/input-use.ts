/**
 * Which top-level members of `input` compiled policies can read. A scan uses
 * it to leave out of a large plan the parts no policy looks at. The answer is
 * conservative: `input` used as a whole (`x := input`, `walk(input, ...)`,
 * `input[k]` with a variable key) means every member.
 */
import { directSubterms, exprTerms, type Body, type Module, type Term } from "../ast.js";

export type InputUse = ReadonlySet<string> | "whole";

export function inputMembersRead(modules: readonly Module[]): InputUse {
  const keys = new Set<string>();
  let whole = false;

  const visit = (t: Term): void => {
    if (whole) return;
    switch (t.type) {
      case "root":
        // A root not at the head of a reference with a constant first key.
        if (t.root === "input") whole = true;
        return;
      case "ref":
        if (t.head.type === "root" && t.head.root === "input") {
          const first = t.path[0];
          if (first?.type === "scalar" && typeof first.value === "string") keys.add(first.value);
          else whole = true;
        } else visit(t.head);
        t.path.forEach(visit);
        return;
      case "arraycomp":
      case "setcomp":
        visit(t.term);
        visitBody(t.body);
        return;
      case "objcomp":
        visit(t.key);
        visit(t.value);
        visitBody(t.body);
        return;
      default:
        directSubterms(t).forEach(visit);
    }
  };

  const visitBody = (body: Body): void => {
    for (const lit of body) {
      exprTerms(lit.expr).forEach(visit);
      if (lit.expr.kind === "every") visitBody(lit.expr.body);
      // `with input as x` replaces input; the replacement may read it.
      for (const w of lit.withs) visit(w.value);
    }
  };

  for (const m of modules) {
    for (const rule of m.rules) {
      rule.head.ref.forEach(visit);
      rule.head.args?.forEach(visit);
      if (rule.head.key) visit(rule.head.key);
      if (rule.head.value) visit(rule.head.value);
      visitBody(rule.body);
      for (const e of rule.elses) {
        visitBody(e.body);
        if (e.value) visit(e.value);
      }
    }
  }
  return whole ? "whole" : keys;
}
