/**
 * Safety, as OPA defines it: every variable must be bound by an expression
 * that can generate its values (a reference that iterates, a unification, a
 * call's output argument, `some ... in`) before anything reads it. Bodies are
 * reordered so that such expressions come first (OPA's algorithm: take the
 * expressions that are ready, in the order written, until none is left or
 * none is ready); what remains is an `unsafe var` error.
 */
import type { Body, Literal, Loc, Rule, Term } from "../ast.js";
import { RegoError } from "../errors.js";
import type { OwnSlots } from "./resolve.js";
import { annotateScans } from "./scan-index.js";
import { walkBody, walkTerm } from "./visit.js";
import { equal } from "../value.js";

type Slots = Set<number>;

export class SafetyChecker {
  readonly errors: RegoError[] = [];

  constructor(
    private readonly ownSlots: OwnSlots,
    /** Arity of a call target (undefined: unknown, -1: variadic). */
    private readonly arity: (t: Term & { type: "call" }) => number | undefined,
    private readonly slotNames: readonly string[],
  ) {}

  /** Reorders a rule's bodies and checks that its head only uses bound variables. */
  checkRule(rule: Rule): void {
    const args = new Set<number>();
    for (const a of rule.head.args ?? []) collectVars(a, args);
    const branches = [
      { body: rule.body, value: rule.head.value, head: true },
      ...rule.elses.map((e) => ({ body: e.body, value: e.value, head: false })),
    ];
    for (const b of branches) {
      const safe = this.body(b.body, args);
      const headTerms: Term[] = [];
      if (b.value) headTerms.push(b.value);
      if (b.head) {
        if (rule.head.key) headTerms.push(rule.head.key);
        headTerms.push(...rule.head.ref.slice(1));
      }
      for (const t of headTerms) {
        this.requireSafe(t, safe, t.loc);
        this.closures(t, safe);
      }
    }
  }

  /** Reorders a body in place; returns the variables bound after it. */
  body(body: Body, safeIn: Slots): Slots {
    const safe = new Set(safeIn);
    const pending = body.slice();
    const ordered: Literal[] = [];
    const safeBefore = new Map<Literal, Set<number>>();
    for (;;) {
      const before = ordered.length;
      for (let i = 0; i < pending.length; i++) {
        const lit = pending[i]!;
        const out = this.outputs(lit, safe);
        if (isSubset(this.required(lit), safe, out)) {
          // Closures see what is bound before their expression.
          this.closuresOfLiteral(lit, safe);
          safeBefore.set(lit, new Set(safe));
          ordered.push(lit);
          for (const s of out) safe.add(s);
          pending.splice(i, 1);
          i--;
        }
      }
      if (pending.length === 0 || ordered.length === before) break;
    }
    for (const lit of pending) this.reportUnsafe(lit, safe);
    body.splice(0, body.length, ...ordered, ...pending);
    if (pending.length === 0) annotateScans(body, safeBefore);
    return safe;
  }

  private reportUnsafe(lit: Literal, safe: Slots): void {
    const out = this.outputs(lit, safe);
    const seen = new Set<string>();
    for (const { slot, loc } of varOccurrences(lit)) {
      if (safe.has(slot) || out.has(slot)) continue;
      const name = this.slotNames[slot] ?? "?";
      if (seen.has(name)) continue;
      seen.add(name);
      this.errors.push(new RegoError("rego_unsafe_var_error", `var ${name} is unsafe`, loc));
    }
    if (seen.size === 0) this.errors.push(new RegoError("rego_unsafe_var_error", "expression is unsafe", lit.loc));
  }

  /**
   * Head terms (of rules and comprehensions) must only read bound variables;
   * iteration inside their references is allowed, since OPA moves such terms
   * into the body (`[x[_] | true]` iterates).
   */
  private requireSafe(t: Term, safe: Slots, loc: Loc): void {
    const vars = new Set<number>();
    collectVars(t, vars);
    const iterated = new Set<number>();
    this.fixpoint(safe, iterated, (s) => this.refOutputs(t, s, iterated));
    for (const s of iterated) vars.delete(s);
    for (const c of closuresIn(t)) for (const s of this.closureFree(c)) vars.add(s);
    for (const s of vars) {
      if (!safe.has(s))
        this.errors.push(
          new RegoError("rego_unsafe_var_error", `var ${this.slotNames[s] ?? "?"} is unsafe`, locOfSlot(t, s) ?? loc),
        );
    }
  }

  // -- what a literal needs and binds -------------------------------------
  /** Variables that must be bound when the literal runs (or that it binds itself). */
  private required(lit: Literal): Slots {
    const vars = new Set<number>();
    const e = lit.expr;
    const terms: Term[] = [];
    switch (e.kind) {
      case "term":
        terms.push(e.term);
        break;
      case "unify":
      case "assign":
        terms.push(e.left, e.right);
        break;
      case "somein":
        terms.push(e.collection, e.value);
        if (e.key) terms.push(e.key);
        break;
      case "every":
        terms.push(e.domain);
        for (const s of this.closureFreeBody(e.body)) vars.add(s);
        break;
      case "some":
        break;
    }
    for (const w of lit.withs) terms.push(w.value);
    for (const t of terms) {
      collectVars(t, vars);
      for (const c of closuresIn(t)) for (const s of this.closureFree(c)) vars.add(s);
    }
    if (lit.negated) {
      // Wildcards inside a negation are local to it (`not p[_]`).
      for (const s of [...vars]) if (this.slotNames[s] === "_") vars.delete(s);
    }
    return vars;
  }

  /** Variables the literal binds, given those already bound. */
  private outputs(lit: Literal, safe: Slots): Slots {
    const out = new Set<number>();
    if (lit.negated) return out;
    const e = lit.expr;
    switch (e.kind) {
      case "term":
        this.termOutputs(e.term, safe, out);
        break;
      case "unify":
      case "assign":
        this.fixpoint(safe, out, (s) => {
          this.refOutputs(e.left, s, out);
          this.refOutputs(e.right, s, out);
          this.unifyOutputs(e.left, e.right, s, out);
        });
        break;
      case "somein":
        this.fixpoint(safe, out, (s) => {
          this.refOutputs(e.collection, s, out);
          if (this.evaluable(e.collection, s)) {
            patternVars(e.value, out);
            if (e.key) patternVars(e.key, out);
            this.refOutputs(e.value, s, out);
            if (e.key) this.refOutputs(e.key, s, out);
          }
        });
        break;
      case "every":
      case "some":
        break;
    }
    return out;
  }

  private termOutputs(t: Term, safe: Slots, out: Slots): void {
    this.fixpoint(safe, out, (s) => {
      this.refOutputs(t, s, out);
      if (t.type === "call") this.callOutputs(t, s, out);
    });
  }

  /** A call with one argument more than its arity binds that argument (`count(xs, n)`). */
  private callOutputs(t: Term & { type: "call" }, safe: Slots, out: Slots): void {
    const arity = this.arity(t);
    if (arity === undefined || arity < 0 || t.args.length !== arity + 1) return;
    const inputs = t.args.slice(0, arity);
    if (!inputs.every((a) => this.evaluable(a, safe))) return;
    const last = t.args[arity]!;
    patternVars(last, out);
    this.refOutputs(last, safe, out);
  }

  private fixpoint(safe: Slots, out: Slots, step: (s: Slots) => void): void {
    for (;;) {
      const n = out.size;
      step(new Set([...safe, ...out]));
      if (out.size === n) return;
    }
  }

  /** Variables in the keys of references whose head is bound: iteration binds them. */
  private refOutputs(t: Term, safe: Slots, out: Slots): void {
    walkTerm(
      t,
      (x) => {
        if (x.type !== "ref") return true;
        const headOk =
          x.head.type === "var" ? x.head.slot !== undefined && safe.has(x.head.slot) : this.evaluable(x.head, safe);
        if (headOk)
          for (const seg of x.path)
            if (seg.type === "var" || seg.type === "array" || seg.type === "object") patternVars(seg, out);
        return true;
      },
      false,
    );
  }

  /** Variables bound by unifying two terms. */
  private unifyOutputs(a: Term, b: Term, safe: Slots, out: Slots): void {
    const s = new Set([...safe, ...out]);
    if (isPattern(a) && this.evaluable(b, s)) {
      this.patternBinds(a, s, out);
      return;
    }
    if (isPattern(b) && this.evaluable(a, s)) {
      this.patternBinds(b, s, out);
      return;
    }
    if (a.type === "array" && b.type === "array" && a.items.length === b.items.length) {
      for (let i = 0; i < a.items.length; i++) this.unifyOutputs(a.items[i]!, b.items[i]!, safe, out);
      return;
    }
    if (a.type === "object" && b.type === "object") {
      for (const [ka, va] of a.entries) {
        const match = b.entries.find(
          ([kb]) => kb.type === "scalar" && ka.type === "scalar" && equal(kb.value, ka.value),
        );
        if (match) this.unifyOutputs(va, match[1], safe, out);
      }
    }
  }

  /** A pattern matched against a known value binds its variables (references in it must evaluate). */
  private patternBinds(t: Term, safe: Slots, out: Slots): void {
    switch (t.type) {
      case "var":
        if (t.slot !== undefined) out.add(t.slot);
        return;
      case "array":
        for (const x of t.items) this.patternBinds(x, safe, out);
        return;
      case "object":
        for (const [, v] of t.entries) this.patternBinds(v, safe, out);
        return;
      default:
        this.refOutputs(t, safe, out);
        return;
    }
  }

  /** Whether a term can be evaluated: its variables are bound, or bound by its own references. */
  private evaluable(t: Term, safe: Slots): boolean {
    const vars = new Set<number>();
    collectVars(t, vars);
    const out = new Set<number>();
    this.fixpoint(safe, out, (s) => this.refOutputs(t, s, out));
    for (const v of vars) if (!safe.has(v) && !out.has(v)) return false;
    for (const c of closuresIn(t)) for (const v of this.closureFree(c)) if (!safe.has(v)) return false;
    return true;
  }

  // -- closures -------------------------------------------------------------
  private closureFree(t: Term): Slots {
    if (t.type === "arraycomp" || t.type === "setcomp") return this.closureFreeParts(t.body, [t.term]);
    if (t.type === "objcomp") return this.closureFreeParts(t.body, [t.key, t.value]);
    return new Set();
  }

  private closureFreeBody(body: Body): Slots {
    return this.closureFreeParts(body, []);
  }

  /** Variables a closure reads from around it: used inside, not its own. */
  private closureFreeParts(body: Body, heads: Term[]): Slots {
    const own = this.ownSlots.get(body) ?? new Set<number>();
    const used = new Set<number>();
    for (const lit of body) for (const { slot } of varOccurrences(lit, true)) used.add(slot);
    for (const h of heads) collectVarsDeep(h, used);
    return new Set([...used].filter((s) => !own.has(s)));
  }

  private closuresOfLiteral(lit: Literal, safe: Slots): void {
    const e = lit.expr;
    const terms: Term[] = [];
    switch (e.kind) {
      case "term":
        terms.push(e.term);
        break;
      case "unify":
      case "assign":
        terms.push(e.left, e.right);
        break;
      case "somein":
        terms.push(e.collection);
        break;
      case "every": {
        terms.push(e.domain);
        const inner = new Set(safe);
        if (e.key) collectVars(e.key, inner);
        collectVars(e.value, inner);
        this.body(e.body, inner);
        break;
      }
      case "some":
        break;
    }
    for (const w of lit.withs) terms.push(w.value);
    for (const t of terms) this.closures(t, safe);
  }

  /** Checks the comprehensions inside a term, each with the variables bound around it. */
  private closures(t: Term, safe: Slots): void {
    for (const c of closuresIn(t)) {
      if (c.type === "arraycomp" || c.type === "setcomp") {
        const inner = this.body(c.body, safe);
        this.requireSafe(c.term, inner, c.term.loc);
        this.closures(c.term, inner);
      } else if (c.type === "objcomp") {
        const inner = this.body(c.body, safe);
        this.requireSafe(c.key, inner, c.key.loc);
        this.requireSafe(c.value, inner, c.value.loc);
        this.closures(c.key, inner);
        this.closures(c.value, inner);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Term helpers

/** Local variables of a term outside closures. */
function collectVars(t: Term, out: Slots): void {
  walkTerm(t, (x) => void (x.type === "var" && x.slot !== undefined && out.add(x.slot)), false);
}

/** Local variables of a term, closures included. */
function collectVarsDeep(t: Term, out: Slots): void {
  collectVars(t, out);
  for (const c of closuresIn(t)) {
    const bodies =
      c.type === "objcomp" ? [c.key, c.value] : c.type === "arraycomp" || c.type === "setcomp" ? [c.term] : [];
    for (const h of bodies) collectVarsDeep(h, out);
    const body = (c as { body: Body }).body;
    for (const lit of body) for (const { slot } of varOccurrences(lit, true)) out.add(slot);
  }
}

/** The comprehensions directly inside a term (not inside other comprehensions). */
function closuresIn(t: Term, out: Term[] = []): Term[] {
  walkTerm(
    t,
    (x) => {
      if (x.type !== "arraycomp" && x.type !== "setcomp" && x.type !== "objcomp") return true;
      out.push(x);
      return false;
    },
    false,
  );
  return out;
}

/** Every variable occurrence in a literal, with its location; `deep` includes closures. */
function varOccurrences(lit: Literal, deep = false): { slot: number; loc: Loc }[] {
  const out: { slot: number; loc: Loc }[] = [];
  walkBody(
    [lit],
    (t) => void (t.type === "var" && t.slot !== undefined && out.push({ slot: t.slot, loc: t.loc })),
    deep,
  );
  return out;
}

function locOfSlot(t: Term, slot: number): Loc | undefined {
  const lit: Literal = { expr: { kind: "term", term: t }, negated: false, withs: [], loc: t.loc };
  return varOccurrences(lit, true).find((o) => o.slot === slot)?.loc;
}

/** Variables in bindable positions: a var, or inside array/object patterns. */
function patternVars(t: Term, out: Slots): void {
  switch (t.type) {
    case "var":
      if (t.slot !== undefined) out.add(t.slot);
      return;
    case "array":
      for (const x of t.items) patternVars(x, out);
      return;
    case "object":
      for (const [, v] of t.entries) patternVars(v, out);
      return;
    default:
      return;
  }
}

function isPattern(t: Term): boolean {
  return t.type === "var" || t.type === "array" || t.type === "object";
}

function isSubset(need: Slots, a: Slots, b: Slots): boolean {
  for (const s of need) if (!a.has(s) && !b.has(s)) return false;
  return true;
}
