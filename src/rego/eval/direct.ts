/**
 * Direct evaluation: most terms have at most one value (`r.change.after.x`,
 * `startswith(v, "arn:")`, `has(s.Action, "*")`), and computing it as a
 * plain function call skips the continuations and the arrays of the
 * general search, which is most of the evaluator's time on plan policies.
 * Also here: whether a term can be evaluated now (canEval), which the
 * search and unification use to order their steps.
 */
import type { CallTarget, Term } from "../ast.js";
import { constantValue } from "../compiler/constants.js";
import { walkTerm } from "../compiler/visit.js";
import { RegoError } from "../errors.js";
import { type JsonObject, makeObject, type Value } from "../value.js";
import { indexValue, ownMember } from "./collections.js";
import type { Evaluator } from "./evaluator.js";
import { BINDERS, CONSTANT, DIRECT, termFacts, keep } from "./node-facts.js";
import { isMember, isMemberKV } from "./special-calls.js";

/** What direct evaluation returns for a term that needs the general search (see `direct`). */
export const NEEDS_SEARCH = Symbol("needs search");

export const directEvaluation = {
  /** Whether a term is one `direct` can evaluate (worked out once per term). */
  isDirect(this: Evaluator, t: Term): boolean {
    if (!this.shortcuts) return false;
    const facts = termFacts(t);
    let d = facts[DIRECT];
    if (d === undefined) d = keep(facts, DIRECT, this.directShape(t));
    return d;
  },

  directShape(this: Evaluator, t: Term): boolean {
    switch (t.type) {
      case "scalar":
      case "var":
        return true;
      case "root":
        return t.root === "input";
      // A path step may be a reference itself (`mask[path[0]]`, `refs[r.config_address]`): OPA's
      // compiler would take it out into an expression of its own before the reference.
      // A reference into data is direct too: walked through the rule tree as the search walks it,
      // once every step has its one value (directDataRef).
      case "ref":
        return (
          (t.head.type === "var" || t.head.type === "root") &&
          t.path.every((p) => p.type === "scalar" || p.type === "var" || (p.type === "ref" && this.isDirect(p)))
        );
      // A comprehension has exactly one value once the variables it reads from outside are bound
      // (canEval answers that, as for any term): `concat(".", [s | some s in path])` is direct.
      case "arraycomp":
      case "setcomp":
      case "objcomp":
        return true;
      case "array":
        return t.items.every((x) => this.isDirect(x));
      case "object":
        return t.entries.every(([k, v]) => this.isDirect(k) && this.isDirect(v));
      case "call": {
        const target = t.target;
        if (!target || !t.args.every((x) => this.isDirect(x))) return false;
        if (target.kind === "builtin") {
          const def = this.program.builtins.get(target.name);
          return def !== undefined && !def.relation && t.args.length === def.arity;
        }
        // `x in xs` and `k, v in xs` (without a binding: those are `some`).
        if (target.kind === "special")
          return (
            (target.name === "internal.member_2" && t.args.length === 2) ||
            (target.name === "internal.member_3" && t.args.length === 3)
          );
        return (
          target.kind === "function" &&
          this.node(target) !== undefined &&
          t.args.length === this.arity(target, t.args.length)
        );
      }
      default:
        return false;
    }
  },

  /**
   * The one value of a direct term, undefined when it has none, or
   * NEEDS_SEARCH when it must go through the general search after all (a
   * reference with an unbound variable iterates; mocks replace calls).
   */
  direct(this: Evaluator, t: Term): Value | undefined | typeof NEEDS_SEARCH {
    // One small function per kind of term: V8 then optimizes each on its own
    // feedback, instead of recompiling one large function whenever any kind
    // meets a new shape.
    switch (t.type) {
      case "scalar":
        return t.value;
      case "var": {
        // Unbound here, it is bound by a reference elsewhere in the term (see canEval): the search orders that.
        // (Not `??`: a variable bound to null is bound, and its term direct.)
        const v = this.frame[t.slot!];
        return v === undefined ? NEEDS_SEARCH : v;
      }
      case "root":
        return this.ctx.input;
      case "ref":
        return this.directRef(t);
      case "array":
        return this.directArray(t);
      case "object":
        return this.directObject(t);
      case "call":
        return this.directCall(t);
      case "arraycomp":
      case "setcomp":
      case "objcomp":
        return this.directComprehension(t);
      default:
        return NEEDS_SEARCH;
    }
  },

  boundValue(this: Evaluator, t: Term & { type: "var" }): Value {
    const v = this.frame[t.slot!];
    if (v === undefined) throw new RegoError("rego_unsafe_var_error", `var ${t.name} is unsafe`, t.loc);
    return v;
  },

  directRef(this: Evaluator, t: Term & { type: "ref" }): Value | undefined | typeof NEEDS_SEARCH {
    const head = t.head;
    let v: Value | undefined;
    if (head.type === "var") v = this.boundValue(head);
    else if ((head as Term & { type: "root" }).root === "input") v = this.ctx.input;
    else return this.directDataRef(t);
    const path = t.path;
    for (let i = 0; i < path.length && v !== undefined; i++) {
      const seg = path[i]!;
      let key: Value | undefined;
      if (seg.type === "scalar") key = seg.value;
      else if (seg.type === "var") key = this.frame[seg.slot!];
      else {
        const kv = this.directKey(seg as Term & { type: "ref" });
        if (kv === undefined) return undefined;
        if (kv === NEEDS_SEARCH) return NEEDS_SEARCH;
        key = kv;
      }
      if (key === undefined) return NEEDS_SEARCH;
      // indexValue's first case, here: most steps are a string key into a plain object.
      if (typeof key === "string" && v !== null && typeof v === "object" && v.constructor === Object)
        v = ownMember(v as Record<string, Value>, key);
      else v = indexValue(v, key);
    }
    return v;
  },

  /**
   * A reference into data whose every step has one value now: walked as the
   * search walks it (walkData: the rule tree beside the base documents, rule
   * values computed once per context), which with no step left to iterate
   * reaches at most one value. NEEDS_SEARCH when a step iterates or reads a
   * variable not bound yet.
   */
  directDataRef(this: Evaluator, t: Term & { type: "ref" }): Value | undefined | typeof NEEDS_SEARCH {
    const path = t.path;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (seg.type === "var") {
        if (this.frame[seg.slot!] === undefined) return NEEDS_SEARCH;
      } else if (seg.type === "ref") {
        const key = this.directKey(seg);
        if (key === undefined || key === NEEDS_SEARCH) return key;
      }
    }
    // walkData returns what its continuation returns (capture: true) or false when there is no value.
    return this.walkData(this.program.tree.root, this.ctx.data, path, 0, this.capture) ? this.captured : undefined;
  },

  /**
   * The key a reference step that is a reference itself gives (`path[0]` in
   * `mask[path[0]]`): its value, undefined when it has none (nor has the
   * reference), or NEEDS_SEARCH when it iterates or reads a variable not bound
   * yet (the search binds it, as OPA's rewritten expression would).
   */
  directKey(this: Evaluator, seg: Term & { type: "ref" }): Value | undefined | typeof NEEDS_SEARCH {
    if (seg.head.type === "var" && this.frame[seg.head.slot!] === undefined) return NEEDS_SEARCH;
    return this.directRef(seg);
  },

  directArray(this: Evaluator, t: Term & { type: "array" }): Value | undefined | typeof NEEDS_SEARCH {
    const c = this.constant(t);
    if (c !== null) return c;
    const out: Value[] = new Array(t.items.length);
    for (let i = 0; i < out.length; i++) {
      const v = this.direct(t.items[i]!);
      if (v === undefined || v === NEEDS_SEARCH) return v;
      out[i] = v;
    }
    return out;
  },

  directObject(this: Evaluator, t: Term & { type: "object" }): Value | undefined | typeof NEEDS_SEARCH {
    const c = this.constant(t);
    if (c !== null) return c;
    // Built as makeObject would build it, without its list of entries while every key is a
    // string (nearly always: every finding a policy reports is such an object).
    let plain: JsonObject | null = {};
    let entries: [Value, Value][] | null = null;
    const terms = t.entries;
    for (let i = 0; i < terms.length; i++) {
      // Index reads, not destructuring (an iterator, unoptimized).
      const entry = terms[i]!;
      const kt = entry[0];
      const vt = entry[1];
      const key = this.direct(kt);
      if (key === undefined || key === NEEDS_SEARCH) return key;
      const value = this.direct(vt);
      if (value === undefined || value === NEEDS_SEARCH) return value;
      if (plain !== null && typeof key === "string" && key !== "__proto__") plain[key] = value;
      else {
        if (entries === null) {
          const sofar: JsonObject = plain ?? {};
          entries = Object.keys(sofar).map((k): [Value, Value] => [k, sofar[k]!]);
          plain = null;
        }
        entries.push([key, value]);
      }
    }
    return plain ?? makeObject(entries!);
  },

  /** A comprehension's value, computed by the search (its body may iterate), given to the caller as one value. */
  directComprehension(this: Evaluator, t: Term): Value {
    let out: Value = null;
    this.evalTerm(t, (v) => {
      out = v;
      return true;
    });
    return out;
  },

  directCall(this: Evaluator, t: Term & { type: "call" }): Value | undefined | typeof NEEDS_SEARCH {
    if (this.ctx.mocks.size > 0) return NEEDS_SEARCH;
    // The arguments' array is the pool's for this nesting depth: a call's
    // arguments are read during the call only (builtins do not keep them, a
    // function binds their values), and calls inside it (its arguments', its
    // body's) are one level deeper. One array per call was a fifth of the
    // evaluator's allocations.
    const depth = this.callDepth++;
    try {
      const args = argumentArray(this.argPool, depth, t.args.length);
      for (let i = 0; i < args.length; i++) {
        const v = this.direct(t.args[i]!);
        if (v === undefined || v === NEEDS_SEARCH) return v;
        args[i] = v;
      }
      const target = t.target!;
      if (target.kind === "builtin") return this.invoke(this.program.builtins.get(target.name)!, args, t);
      if (target.kind === "special")
        return target.name === "internal.member_2"
          ? isMember(args[0]!, args[1]!)
          : isMemberKV(args[0]!, args[1]!, args[2]!);
      return this.functionValue(this.node(target as CallTarget & { kind: "function" })!, args);
    } finally {
      this.callDepth = depth;
    }
  },

  /** The value of a term made only of constants (computed once), or null. */
  constant(this: Evaluator, t: Term): Value | null {
    if (!this.shortcuts) return null;
    const facts = termFacts(t);
    let c = facts[CONSTANT];
    if (c === undefined) {
      const v = constantValue(t);
      c = keep(facts, CONSTANT, v === undefined ? null : v);
    }
    return c;
  },

  /**
   * Whether a term can be evaluated now: its variables are bound, or bound by
   * a reference in the same term (`sprintf("%v", [xs[i], i])`: the reference
   * iterates and binds i, as OPA's compiler arranges by rewriting).
   */
  canEval(this: Evaluator, t: Term): boolean {
    if (this.boundNow(t)) return true;
    const binders = referenceBinders(t);
    return binders.size > 0 && this.boundNow(t, binders);
  },

  /** Whether every variable the term reads is bound (or one of `binders`); references may iterate. */
  boundNow(this: Evaluator, t: Term, binders?: ReadonlySet<number>): boolean {
    switch (t.type) {
      case "scalar":
      case "root":
      case "arraycomp":
      case "setcomp":
      case "objcomp":
        return true;
      case "var":
        return this.frame[t.slot!] !== undefined || binders?.has(t.slot!) === true;
      case "ref":
        return t.head.type === "var" ? this.frame[t.head.slot!] !== undefined : this.boundNow(t.head, binders);
      // Indexed loops rather than every() or for...of: this runs for most literals, and a closure per call was a tenth
      // of the allocations (an iterator per call, unoptimized).
      case "array":
      case "set":
        for (let i = 0; i < t.items.length; i++) if (!this.boundNow(t.items[i]!, binders)) return false;
        return true;
      case "object":
        for (let i = 0; i < t.entries.length; i++) {
          const entry = t.entries[i]!;
          if (!this.boundNow(entry[0], binders) || !this.boundNow(entry[1], binders)) return false;
        }
        return true;
      case "call":
        for (let i = 0; i < t.args.length; i++) if (!this.boundNow(t.args[i]!, binders)) return false;
        return true;
    }
  },
};

/** An array of `length` elements for the direct call at `depth`, reused by the next call at that depth. */
function argumentArray(pool: Value[][][], depth: number, length: number): Value[] {
  const byLength = (pool[depth] ??= []);
  return (byLength[length] ??= new Array<Value>(length));
}

/** The slots of the variables in the paths of the references inside a term (not inside comprehensions). */
function referenceBinders(t: Term): Set<number> {
  const facts = termFacts(t);
  let slots = facts[BINDERS];
  if (!slots) {
    const found = new Set<number>();
    const visit = (x: Term): void => {
      if (x.type === "ref") for (const seg of x.path) if (seg.type === "var") found.add(seg.slot!);
    };
    walkTerm(t, visit, false);
    slots = keep(facts, BINDERS, found);
  }
  return slots;
}
