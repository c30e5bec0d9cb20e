import type { Body, Literal, Term } from "./ast.js";
import { varsIn } from "./eval.js";

/**
 * Safety, as OPA has it: a body's expressions run in an order where every
 * variable is bound before it is read. Authors may write `x := obj[k]`
 * before `k := "a"`; the compiler moves each expression after the ones
 * that bind what it needs, keeping the written order otherwise.
 */
export function reorderBody(body: Body, isGlobal: (name: string) => boolean): Body {
  const pending = body.map((lit, i) => ({ lit, i, needs: needs(lit), binds: binds(lit), either: eitherSide(lit) }));
  const bound = new Set<string>();
  const out: Literal[] = [];
  const known = (v: string) => bound.has(v) || isGlobal(v);
  while (pending.length > 0) {
    let k = pending.findIndex((p) => [...p.needs].every(known) && (!p.either || p.either.some(known)));
    // Nothing is ready: keep the written order and let evaluation report the unsafe variable.
    if (k < 0) k = 0;
    const [next] = pending.splice(k, 1);
    out.push(next!.lit);
    for (const v of next!.binds) bound.add(v);
    for (const v of next!.needs) bound.add(v);
  }
  return out;
}

/** `a = b` between two bare variables needs one of them bound first. */
function eitherSide(lit: Literal): string[] | undefined {
  if (lit.kind !== "unify" || lit.left.t !== "var" || lit.right.t !== "var") return undefined;
  return [lit.left.name, lit.right.name];
}

/** Variables an expression can bind. */
function binds(lit: Literal): Set<string> {
  switch (lit.kind) {
    case "some":
      return new Set();
    case "assign":
      return new Set(varsIn(lit.left));
    case "unify":
      return new Set([...outputs(lit.left), ...outputs(lit.right)]);
    case "somein":
      return new Set([...(lit.key ? varsIn(lit.key) : []), ...varsIn(lit.value)]);
    case "expr":
      return lit.negated ? new Set() : outputs(lit.term);
    case "every":
      return new Set();
  }
}

/** Variables an expression reads before it can run. */
function needs(lit: Literal): Set<string> {
  const all = new Set<string>();
  const add = (t: Term) => varsIn(t).forEach((v) => all.add(v));
  switch (lit.kind) {
    case "some":
      return all;
    case "assign":
      add(lit.right);
      break;
    case "unify": {
      // Either side may bind the other: what it needs is what neither side can bind.
      const out = new Set([...outputs(lit.left), ...outputs(lit.right)]);
      [...varsIn(lit.left), ...varsIn(lit.right)].forEach((v) => {
        if (!out.has(v)) all.add(v);
      });
      return all;
    }
    case "somein":
      add(lit.collection);
      return all;
    case "every":
      add(lit.collection);
      return all;
    case "expr": {
      const out = lit.negated ? new Set<string>() : outputs(lit.term);
      varsIn(lit.term).forEach((v) => {
        if (!out.has(v)) all.add(v);
      });
      return all;
    }
  }
  return all;
}

/** Variables a term binds when evaluated: refs' iterated segments, bare vars and patterns. */
function outputs(t: Term): Set<string> {
  const out = new Set<string>();
  const visit = (x: Term, top: boolean): void => {
    switch (x.t) {
      case "var":
        if (top) out.add(x.name);
        return;
      case "ref":
        for (const p of x.path) if (p.t === "var") out.add(p.name);
        return;
      case "array":
        for (const i of x.items) visit(i, top);
        return;
      case "object":
        for (const [, v] of x.entries) visit(v, top);
        return;
      case "call":
        // internal.member_2 binds its needle; other calls may bind their output argument.
        if (x.name.join(".") === "internal.member_2") visit(x.args[0]!, true);
        return;
      default:
        return;
    }
  };
  visit(t, true);
  return out;
}
