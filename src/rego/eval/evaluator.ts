/**
 * The evaluator: a backtracking search written in continuation-passing
 * style. Each step calls its continuation once per solution; a continuation
 * returns true to stop the search (a negation or `every` needs only one
 * answer). Variables live in a frame of slots per rule call: binding sets a
 * slot before calling the continuation and clears it after, so backtracking
 * needs no trail.
 *
 * Rule values are computed completely once per context and memoized;
 * functions are memoized by their arguments (see callMemo).
 */
import type { Annotation, Body, CallTarget, Expr, Literal, Rule, ScanIndex, Term } from "../ast.js";
import { BuiltinError, BuiltinLimitError, formatPrintArgs, type BuiltinContext, type BuiltinDef } from "../builtins/index.js";
import type { Program } from "../compiler/compile.js";
import { mockKey, type CompiledWith } from "../compiler/resolve.js";
import type { TreeNode } from "../compiler/tree.js";
import { RegoError, type Location } from "../errors.js";
import { canonicalKey, equal, isObject, makeObject, objectSize, RegoNumber, RegoSet, sortedMembers, type ObjectValue, type Value } from "../value.js";
import { forEachMember, indexBase, indexValue, lookupMembers, ownMember } from "./collections.js";
import { Context, IN_PROGRESS, UNDEFINED } from "./context.js";
import { PartialBuilder } from "./partial.js";
import { constantValue } from "../compiler/constants.js";

type K = () => boolean;
type VK = (v: Value) => boolean;
type Frame = (Value | undefined)[];

export interface EvalOptions {
  strict: boolean;
  /** The time budget, for messages. */
  timeoutMs: number;
  /** When the budget runs out (Date.now() time); a session's evaluations share it. */
  deadline: number;
  maxDepth: number;
  print?: ((line: string, loc: Location) => void) | undefined;
  /** Where trace() notes go. */
  note?: ((message: string) => void) | undefined;
  nowNs: bigint;
  /**
   * false: no direct evaluation, scan index or constant folding, only the
   * general search. For tests that compare the two (same results).
   */
  shortcuts?: boolean | undefined;
}

/** Pure, costly builtins of one string argument whose results are memoized per context. */
const MEMOIZED_BUILTINS = new Set(["json.unmarshal", "yaml.unmarshal", "json.is_valid", "yaml.is_valid", "base64.decode"]);

/** Outcomes of Evaluator.directStep besides a bound slot (slots are 0 or more). */
/**
 * Most elements one comprehension may build (arrays, sets, objects). V8
 * cannot hold an array much past 2^27 elements and ends the process when
 * asked to; this bound keeps far below that, and far above what a policy
 * over a plan needs.
 */
export const MAX_COLLECTION_SIZE = 10_000_000;

/** Elements of an array or set (O(1)); objects only grow from keys computed one by one, which comprehensions bound. */
function collectionSize(v: Value & object): number {
  if (Array.isArray(v)) return v.length;
  return v instanceof RegoSet ? v.size : 0;
}

const STEP_HOLDS = -1;
const STEP_FAILS = -2;
const STEP_SEARCH = -3;

/** What direct evaluation returns for a term that needs the general search (see Evaluator.direct). */
const NEEDS_SEARCH = Symbol("needs search");

/** Which terms direct evaluation can take, by term (see Evaluator.isDirect). */
const directTerms = new WeakMap<Term, boolean>();

const TRUE_TERM: Term = { type: "scalar", value: true, loc: { file: "", line: 0, col: 0 } };

export class Evaluator {
  private frame: Frame = [];
  ctx: Context;
  private depth = 0;
  private steps = 0;
  private readonly deadline: number;
  private readonly builtinCtx: BuiltinContext;
  /** See EvalOptions.shortcuts. */
  private readonly shortcuts: boolean;
  /** Rules being evaluated, innermost last (for messages and rego.metadata). */
  private readonly ruleStack: Rule[] = [];
  private readonly constCache = new WeakMap<Term, Value | null>();
  /** Function nodes by their (compiled, shared) path array. */
  private readonly nodeCache = new Map<string[], TreeNode | undefined>();

  constructor(
    private readonly program: Program,
    root: Context,
    private readonly options: EvalOptions,
  ) {
    this.ctx = root;
    this.deadline = options.deadline;
    this.shortcuts = options.shortcuts !== false;
    this.builtinCtx = { strict: options.strict, nowNs: options.nowNs, ...(options.print ? { print: options.print } : {}), ...(options.note ? { note: options.note } : {}) };
  }

  /** The rule being evaluated, for messages. */
  currentRuleName(): string | undefined {
    const r = this.ruleStack[this.ruleStack.length - 1];
    return r ? ["data", ...r.path].join(".") : undefined;
  }

  // ---------------------------------------------------------------------------
  // Entry points

  /** The value of `data.<path>`, or undefined. */
  valueAt(path: Value[]): Value | undefined {
    let out: Value | undefined;
    const terms: Term[] = path.map((p) => ({ type: "scalar", value: p as string, loc: TRUE_TERM.loc }));
    this.walkData(this.program.tree.root, this.ctx.data, terms, 0, (v) => {
      out = v;
      return true;
    });
    return out;
  }

  /** Runs a compiled query; `onResult` gets the frame and each expression's value per solution. */
  runQuery(body: Body, slots: number, onResult: (frame: Frame, values: Value[]) => boolean): void {
    this.frame = new Array(slots);
    const values: Value[] = [];
    const step = (i: number): boolean => {
      if (i === body.length) return onResult(this.frame, values);
      this.tick();
      const lit = body[i]!;
      // Negative: an expression the compiler added, with no value of its own in the results.
      const idx = lit.index ?? i;
      if (lit.expr.kind === "term" && !lit.negated && lit.withs.length === 0) {
        return this.evalTerm(lit.expr.term, (v) => {
          // A query of one expression reports false as its value (as OPA does); more expressions fail on it.
          if (v === false && body.length > 1) return false;
          if (idx >= 0) values[idx] = v;
          return step(i + 1);
        });
      }
      return this.evalLiteral(lit, () => {
        if (idx >= 0) values[idx] = true;
        return step(i + 1);
      });
    };
    step(0);
  }

  // ---------------------------------------------------------------------------
  // Bodies and literals

  private evalBody(body: Body, i: number, k: K): boolean {
    // Literals with one outcome (a test such as `r.type == "x"`, or `x := <one value>`)
    // are taken in this loop: no continuation to build, no deeper stack. Variables
    // bound here are unbound on the way out, as a continuation's binding would be.
    let bound: number[] | undefined;
    let result = false;
    for (;;) {
      if (i === body.length) {
        result = k();
        break;
      }
      if ((++this.steps & 0x3ff) === 0) this.tick();
      const lit = body[i]!;
      if (lit.implied && this.shortcuts) {
        i++;
        continue;
      }
      const step = this.directStep(lit);
      if (step === STEP_FAILS) break;
      if (step === STEP_HOLDS) {
        i++;
        continue;
      }
      if (step !== STEP_SEARCH) {
        (bound ??= []).push(step);
        i++;
        continue;
      }
      const next = i + 1 === body.length ? k : () => this.evalBody(body, i + 1, k);
      result = this.evalLiteral(lit, next);
      break;
    }
    if (bound) for (const slot of bound) this.frame[slot] = undefined;
    return result;
  }

  /**
   * A literal evaluated without search: it holds, it fails, it bound the
   * variable in the returned slot, or it needs the search (STEP_SEARCH).
   */
  private directStep(lit: Literal): number {
    if (lit.withs.length > 0 || lit.scan) return STEP_SEARCH;
    const e = lit.expr;
    if (e.kind === "term") {
      if (!this.isDirect(e.term)) return STEP_SEARCH;
      const v = this.direct(e.term);
      if (v === NEEDS_SEARCH) return STEP_SEARCH;
      const holds = v !== undefined && v !== false;
      return holds !== lit.negated ? STEP_HOLDS : STEP_FAILS;
    }
    if ((e.kind === "assign" || e.kind === "unify") && !lit.negated && e.left.type === "var" && this.isDirect(e.right) && this.canEval(e.right)) {
      const v = this.direct(e.right);
      if (v === NEEDS_SEARCH) return STEP_SEARCH;
      if (v === undefined) return STEP_FAILS;
      const slot = e.left.slot!;
      const current = this.frame[slot];
      if (current !== undefined) return equal(current, v) ? STEP_HOLDS : STEP_FAILS;
      this.frame[slot] = v;
      return slot;
    }
    return STEP_SEARCH;
  }

  /**
   * A comprehension past MAX_COLLECTION_SIZE: a budget error, like the time
   * budget's. Without it, a few nested iterations build arrays that V8
   * cannot hold, which ends the process with a fatal error before the time
   * budget is looked at.
   */
  private tooLarge(loc: Location | undefined, what = "a comprehension"): never {
    const rule = this.currentRuleName();
    throw new RegoError("eval_cancel_error", `${what} built more than ${MAX_COLLECTION_SIZE} elements, over the evaluation budget${rule ? ` (in ${rule})` : ""}`, loc);
  }

  /** Checks the time budget (called every 1024 steps: literals and iterations). */
  private tick(): void {
    if (Date.now() > this.deadline) {
      const rule = this.currentRuleName();
      throw new RegoError("eval_cancel_error", `evaluation took longer than its time budget of ${this.options.timeoutMs} ms${rule ? ` (in ${rule})` : ""}`);
    }
  }

  private evalLiteral(lit: Literal, k: K): boolean {
    if (lit.withs.length > 0) return this.evalWith(lit, k);
    if (lit.scan && this.shortcuts) return this.evalScan(lit.scan, k);
    return this.evalLiteralCore(lit, k);
  }

  /** An iteration narrowed by an index on one field (see compiler/scan-index.ts). */
  private evalScan(scan: ScanIndex, k: K): boolean {
    return this.evalTerm(scan.collection, (coll) => {
      for (const [key, value] of lookupMembers(coll, scan.field, scan.value)) {
        if ((++this.steps & 0x3ff) === 0) this.tick();
        this.frame[scan.valueSlot] = value;
        if (scan.keySlot !== undefined) this.frame[scan.keySlot] = key;
        const stop = k();
        this.frame[scan.valueSlot] = undefined;
        if (scan.keySlot !== undefined) this.frame[scan.keySlot] = undefined;
        if (stop) return true;
      }
      return false;
    });
  }

  private evalLiteralCore(lit: Literal, k: K): boolean {
    if (lit.negated) {
      let found = false;
      this.evalExpr(lit.expr, () => (found = true));
      return found ? false : k();
    }
    return this.evalExpr(lit.expr, k);
  }

  private evalExpr(e: Expr, k: K): boolean {
    switch (e.kind) {
      case "term": {
        if (this.isDirect(e.term)) {
          const v = this.direct(e.term);
          if (v !== NEEDS_SEARCH) return v !== undefined && v !== false && k();
        }
        return this.evalTerm(e.term, (v) => v !== false && k());
      }
      case "unify":
      case "assign":
        return this.unifyTerms(e.left, e.right, k);
      case "somein":
        return this.evalTerm(e.collection, (coll) =>
          forEachMember(coll, (key, value) => ((++this.steps & 0x3ff) === 0 && this.tick(), e.key ? this.unifyPattern(e.key, key, () => this.unifyPattern(e.value, value, k)) : this.unifyPattern(e.value, value, k))),
        );
      case "every":
        return this.evalTerm(e.domain, (coll) => {
          // Over a scalar, every is undefined (there is no collection to check).
          if (coll === null || typeof coll !== "object" || coll instanceof RegoNumber) return false;
          const failed = forEachMember(coll, (key, value) => {
            let held = false;
            const body = () => {
              held = this.evalBody(e.body, 0, () => true);
              return true;
            };
            if (e.key) this.unifyPattern(e.key, key, () => this.unifyPattern(e.value, value, body));
            else this.unifyPattern(e.value, value, body);
            return !held;
          });
          return !failed && k();
        });
      case "some":
        return k();
    }
  }

  /** A literal with `with`: evaluated in a new context; what follows it runs in the old one. */
  private evalWith(lit: Literal, k: K): boolean {
    const outer = this.ctx;
    const inner = outer.derive();
    for (const w of lit.withs as CompiledWith[]) {
      const target = w.compiled;
      if (target.kind === "mock" && target.replacement) {
        inner.mocks.set(target.key, { kind: "target", target: target.replacement });
        continue;
      }
      let value: Value | undefined;
      this.evalTerm(w.value, (v) => {
        value = v;
        return true;
      });
      if (value === undefined) return false;
      if (target.kind === "input") inner.input = target.path.length ? setInputPath(inner.input, target.path, value) : value;
      else if (target.kind === "data") inner.overrideData(target.path, value);
      else inner.mocks.set(target.key, { kind: "value", value });
    }
    this.ctx = inner;
    try {
      return this.evalLiteralCore(lit, () => {
        this.ctx = outer;
        try {
          return k();
        } finally {
          this.ctx = inner;
        }
      });
    } finally {
      this.ctx = outer;
    }
  }

  // ---------------------------------------------------------------------------
  // Terms

  evalTerm(t: Term, k: VK): boolean {
    switch (t.type) {
      case "scalar":
        return k(t.value);
      case "var": {
        const v = this.frame[t.slot!];
        if (v === undefined) throw new RegoError("rego_unsafe_var_error", `var ${t.name} is unsafe`, t.loc);
        return k(v);
      }
      case "root":
        if (t.root === "input") return this.ctx.input === undefined ? false : k(this.ctx.input);
        return this.walkData(this.program.tree.root, this.ctx.data, [], 0, k);
      case "ref": {
        if (this.isDirect(t)) {
          const v = this.directRef(t);
          if (v !== NEEDS_SEARCH) return v !== undefined && k(v);
        }
        return this.evalRef(t, k);
      }
      case "array": {
        const c = this.constant(t);
        if (c !== null) return k(c);
        if (this.isDirect(t)) {
          const v = this.direct(t);
          if (v !== NEEDS_SEARCH) return v !== undefined && k(v);
        }
        return this.evalList(t.items, 0, [], (items) => k(items));
      }
      case "set": {
        const c = this.constant(t);
        if (c !== null) return k(c);
        return this.evalList(t.items, 0, [], (items) => k(new RegoSet(items)));
      }
      case "object": {
        const c = this.constant(t);
        if (c !== null) return k(c);
        const flat = t.entries.flat();
        return this.evalList(flat, 0, [], (items) => {
          const entries: [Value, Value][] = [];
          for (let i = 0; i < items.length; i += 2) entries.push([items[i]!, items[i + 1]!]);
          return k(makeObject(entries));
        });
      }
      case "call": {
        if (this.isDirect(t)) {
          const v = this.directCall(t);
          if (v !== NEEDS_SEARCH) return v !== undefined && k(v);
        }
        return this.evalCall(t, k);
      }
      case "arraycomp": {
        const out: Value[] = [];
        this.evalBody(t.body, 0, () => this.evalTerm(t.term, (v) => (out.push(v) > MAX_COLLECTION_SIZE && this.tooLarge(t.loc), false)));
        return k(out);
      }
      case "setcomp": {
        const out = new RegoSet();
        this.evalBody(t.body, 0, () => this.evalTerm(t.term, (v) => (out.addDuringConstruction(v), out.size > MAX_COLLECTION_SIZE && this.tooLarge(t.loc), false)));
        return k(out);
      }
      case "objcomp": {
        const seen = new Map<string, [Value, Value]>();
        this.evalBody(t.body, 0, () =>
          this.evalTerm(t.key, (key) =>
            this.evalTerm(t.value, (value) => {
              const ck = canonicalKey(key);
              const prev = seen.get(ck);
              if (prev && !equal(prev[1], value)) throw new RegoError("eval_conflict_error", "object keys must be unique", t.loc);
              seen.set(ck, [key, value]);
              if (seen.size > MAX_COLLECTION_SIZE) this.tooLarge(t.loc);
              return false;
            }),
          ),
        );
        return k(makeObject([...seen.values()]));
      }
    }
  }

  // ---------------------------------------------------------------------------
  // Direct evaluation: most terms have at most one value (`r.change.after.x`,
  // `startswith(v, "arn:")`, `has(s.Action, "*")`), and computing it as a
  // plain function call skips the continuations and the arrays of the
  // general search, which is most of the evaluator's time on plan policies.

  /** Whether a term is one `direct` can evaluate (worked out once per term). */
  private isDirect(t: Term): boolean {
    if (!this.shortcuts) return false;
    let d = directTerms.get(t);
    if (d === undefined) directTerms.set(t, (d = this.directShape(t)));
    return d;
  }

  private directShape(t: Term): boolean {
    switch (t.type) {
      case "scalar":
      case "var":
        return true;
      case "root":
        return t.root === "input";
      case "ref":
        return (t.head.type === "var" || (t.head.type === "root" && t.head.root === "input")) && t.path.every((p) => p.type === "scalar" || p.type === "var");
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
        if (target.kind === "special") return (target.name === "internal.member_2" && t.args.length === 2) || (target.name === "internal.member_3" && t.args.length === 3);
        return target.kind === "function" && this.node(target.path) !== undefined && t.args.length === this.arity(target, t.args.length);
      }
      default:
        return false;
    }
  }

  /**
   * The one value of a direct term, undefined when it has none, or
   * NEEDS_SEARCH when it must go through the general search after all (a
   * reference with an unbound variable iterates; mocks replace calls).
   */
  private direct(t: Term): Value | undefined | typeof NEEDS_SEARCH {
    // One small function per kind of term: V8 then optimizes each on its own
    // feedback, instead of recompiling one large function whenever any kind
    // meets a new shape.
    switch (t.type) {
      case "scalar":
        return t.value;
      case "var":
        // Unbound here, it is bound by a reference elsewhere in the term (see canEval): the search orders that.
        return this.frame[t.slot!] ?? NEEDS_SEARCH;
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
      default:
        return NEEDS_SEARCH;
    }
  }

  private boundValue(t: Term & { type: "var" }): Value {
    const v = this.frame[t.slot!];
    if (v === undefined) throw new RegoError("rego_unsafe_var_error", `var ${t.name} is unsafe`, t.loc);
    return v;
  }

  private directRef(t: Term & { type: "ref" }): Value | undefined | typeof NEEDS_SEARCH {
    let v: Value | undefined = t.head.type === "var" ? this.boundValue(t.head) : this.ctx.input;
    const path = t.path;
    for (let i = 0; i < path.length && v !== undefined; i++) {
      const seg = path[i]!;
      const key = seg.type === "scalar" ? seg.value : seg.type === "var" ? this.frame[seg.slot!] : undefined;
      if (key === undefined) return NEEDS_SEARCH;
      // indexValue's first case, here: most steps are a string key into a plain object.
      if (typeof key === "string" && v !== null && typeof v === "object" && v.constructor === Object) v = ownMember(v as Record<string, Value>, key);
      else v = indexValue(v, key);
    }
    return v;
  }

  private directArray(t: Term & { type: "array" }): Value | undefined | typeof NEEDS_SEARCH {
    const c = this.constant(t);
    if (c !== null) return c;
    const out: Value[] = new Array(t.items.length);
    for (let i = 0; i < out.length; i++) {
      const v = this.direct(t.items[i]!);
      if (v === undefined || v === NEEDS_SEARCH) return v;
      out[i] = v;
    }
    return out;
  }

  private directObject(t: Term & { type: "object" }): Value | undefined | typeof NEEDS_SEARCH {
    const c = this.constant(t);
    if (c !== null) return c;
    const entries: [Value, Value][] = [];
    for (const [kt, vt] of t.entries) {
      const key = this.direct(kt);
      if (key === undefined || key === NEEDS_SEARCH) return key;
      const value = this.direct(vt);
      if (value === undefined || value === NEEDS_SEARCH) return value;
      entries.push([key, value]);
    }
    return makeObject(entries);
  }

  private directCall(t: Term & { type: "call" }): Value | undefined | typeof NEEDS_SEARCH {
    if (this.ctx.mocks.size > 0) return NEEDS_SEARCH;
    const args: Value[] = new Array(t.args.length);
    for (let i = 0; i < args.length; i++) {
      const v = this.direct(t.args[i]!);
      if (v === undefined || v === NEEDS_SEARCH) return v;
      args[i] = v;
    }
    const target = t.target!;
    if (target.kind === "builtin") return this.invoke(this.program.builtins.get(target.name)!, args, t);
    if (target.kind === "special") return target.name === "internal.member_2" ? isMember(args[0]!, args[1]!) : isMemberKV(args[0]!, args[1]!, args[2]!);
    return this.functionValue(this.node((target as CallTarget & { kind: "function" }).path)!, args);
  }

  /** The value of a term made only of constants (computed once), or null. */
  private constant(t: Term): Value | null {
    if (!this.shortcuts) return null;
    const cached = this.constCache.get(t);
    if (cached !== undefined) return cached;
    const v = constantValue(t);
    this.constCache.set(t, v === undefined ? null : v);
    return v === undefined ? null : v;
  }

  /**
   * The values of a list of terms, once per combination. `k` gets a fresh
   * array unless `reuse` (for callers that do not keep it, such as calls).
   */
  private evalList(terms: Term[], i: number, acc: Value[], k: (items: Value[]) => boolean, reuse = false): boolean {
    if (i === terms.length) return k(reuse ? acc : acc.slice());
    const t = terms[i]!;
    if (t.type === "var" && this.frame[t.slot!] === undefined && i + 1 < terms.length) {
      // Bound by a reference later in the list (`[i, xs[i]]`): the rest first, then this one.
      return this.evalList(terms, i + 1, acc, () => this.evalTerm(t, (v) => ((acc[i] = v), k(reuse ? acc : acc.slice()))), true);
    }
    return this.evalTerm(t, (v) => {
      acc[i] = v;
      return this.evalList(terms, i + 1, acc, k, reuse);
    });
  }

  /**
   * Whether a term can be evaluated now: its variables are bound, or bound by
   * a reference in the same term (`sprintf("%v", [xs[i], i])`: the reference
   * iterates and binds i, as OPA's compiler arranges by rewriting).
   */
  private canEval(t: Term): boolean {
    if (this.boundNow(t)) return true;
    const binders = referenceBinders(t);
    return binders.size > 0 && this.boundNow(t, binders);
  }

  /** Whether every variable the term reads is bound (or one of `binders`); references may iterate. */
  private boundNow(t: Term, binders?: ReadonlySet<number>): boolean {
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
      case "array":
      case "set":
        return t.items.every((x) => this.boundNow(x, binders));
      case "object":
        return t.entries.every(([k, v]) => this.boundNow(k, binders) && this.boundNow(v, binders));
      case "call":
        return t.args.every((x) => this.boundNow(x, binders));
    }
  }

  // ---------------------------------------------------------------------------
  // References

  private evalRef(t: Term & { type: "ref" }, k: VK): boolean {
    const head = t.head;
    switch (head.type) {
      case "root":
        if (head.root === "input") return this.ctx.input === undefined ? false : this.walkValue(this.ctx.input, t.path, 0, k);
        return this.walkData(this.program.tree.root, this.ctx.data, t.path, 0, k);
      case "var": {
        const v = this.frame[head.slot!];
        if (v === undefined) throw new RegoError("rego_unsafe_var_error", `var ${head.name} is unsafe`, head.loc);
        return this.walkValue(v, t.path, 0, k);
      }
      default:
        return this.evalTerm(head, (v) => this.walkValue(v, t.path, 0, k));
    }
  }

  /**
   * Follows a reference's path into a value; unbound variables iterate.
   * `index` is indexBase below a base document in `data` (OPA reads those
   * through its store's string paths), indexValue everywhere else.
   */
  private walkValue(v: Value, path: Term[], i: number, k: VK, index: (coll: Value, key: Value) => Value | undefined = indexValue): boolean {
    for (; i < path.length; i++) {
      const seg = path[i]!;
      let key: Value | undefined;
      if (seg.type === "scalar") key = seg.value;
      else if (seg.type === "var") key = this.frame[seg.slot!];
      if (key === undefined) {
        const rest = i + 1;
        if (seg.type === "var") {
          const slot = seg.slot!;
          return forEachMember(v, (mk, child) => {
            if ((++this.steps & 0x3ff) === 0) this.tick();
            this.frame[slot] = mk;
            const r = this.walkValue(child, path, rest, k, index);
            this.frame[slot] = undefined;
            return r;
          });
        }
        if (this.canEval(seg)) {
          const base = v;
          return this.evalTerm(seg, (kv) => {
            const child = index(base, kv);
            return child !== undefined && this.walkValue(child, path, rest, k, index);
          });
        }
        return forEachMember(v, (mk, child) => this.unifyPattern(seg, mk, () => this.walkValue(child, path, rest, k, index)));
      }
      const child = index(v, key);
      if (child === undefined) return false;
      v = child;
    }
    return k(v);
  }

  /**
   * Follows a path into `data`: the rule tree and the base documents side by
   * side. Packages are walked without evaluating rules that are not on the
   * path; a rule's value is computed (once) when the path reaches it.
   */
  private walkData(node: TreeNode | undefined, base: Value | undefined, path: Term[], i: number, k: VK): boolean {
    for (;;) {
      if (!node) return base === undefined ? false : this.walkValue(base, path, i, k, indexBase);
      if (this.program.tree.hasRules(node)) {
        const v = this.nodeValue(node, base);
        return v === undefined ? false : this.walkValue(v, path, i, k);
      }
      if (i === path.length) {
        const v = this.materialize(node, base);
        return v === undefined ? false : k(v);
      }
      const seg = path[i]!;
      let key: Value | undefined;
      if (seg.type === "scalar") key = seg.value;
      else if (seg.type === "var") key = this.frame[seg.slot!];
      if (key === undefined) return this.iterateData(node, base, path, i, k);
      if (typeof key !== "string") {
        const child = base === undefined ? undefined : indexBase(base, key);
        return child === undefined ? false : this.walkValue(child, path, i + 1, k, indexBase);
      }
      const childBase = base === undefined ? undefined : indexBase(base, key);
      const childNode = node.children.get(key);
      if (childNode && this.ctx.overrides.size > 0) {
        const o = this.ctx.overrides.get(childNode.path.join("\0"));
        if (o) return this.walkValue(o.value, path, i + 1, k);
      }
      node = childNode;
      base = childBase;
      i++;
    }
  }

  /** `data.x[k]` with k unbound: packages and rules by name, then base keys. */
  private iterateData(node: TreeNode, base: Value | undefined, path: Term[], i: number, k: VK): boolean {
    const seg = path[i]!;
    const keys = new Set<string>(node.children.keys());
    if (base !== undefined && isObject(base)) forEachMember(base, (key) => (typeof key === "string" && keys.add(key), false));
    const sorted = [...keys].sort();
    const nonString: Value[] = [];
    if (base !== undefined && isObject(base)) forEachMember(base, (key) => (typeof key !== "string" && nonString.push(key), false));
    for (const key of sorted) {
      const stop = this.unifyPattern(seg, key, () => {
        const rest: Term[] = [{ type: "scalar", value: key, loc: seg.loc }, ...path.slice(i + 1)];
        return this.walkData(node, base, rest, 0, k);
      });
      if (stop) return true;
    }
    for (const key of nonString) {
      const child = indexValue(base!, key)!;
      if (this.unifyPattern(seg, key, () => this.walkValue(child, path, i + 1, k, indexBase))) return true;
    }
    return false;
  }

  /** A package (or any node) as a whole object: base data merged with its virtual documents. */
  private materialize(node: TreeNode, base: Value | undefined): Value | undefined {
    if (this.program.tree.hasRules(node)) return this.nodeValue(node, base);
    const entries = new Map<string, [Value, Value]>();
    if (base !== undefined) {
      if (!isObject(base)) return node.children.size === 0 ? base : undefined;
      forEachMember(base, (key, value) => (entries.set(canonicalKey(key), [key, value]), false));
    }
    for (const [name, child] of node.children) {
      const o = this.ctx.overrides.size ? this.ctx.overrides.get(child.path.join("\0")) : undefined;
      // A base document and a rule at one path (a conflict OPA's loader would refuse): the
      // base document shows in the whole, as OPA merges them.
      if (!o && entries.has(canonicalKey(name)) && this.program.tree.hasRules(child)) continue;
      const v = o ? o.value : this.materialize(child, base === undefined ? undefined : indexValue(base, name));
      if (v !== undefined) entries.set(canonicalKey(name), [name, v]);
    }
    return makeObject([...entries.values()]);
  }

  // ---------------------------------------------------------------------------
  // Rules

  /** The value of the rules at a node, memoized per context. */
  private nodeValue(node: TreeNode, base: Value | undefined): Value | undefined {
    if ((node.functions.length > 0 && node.functions[0]!.head.args!.length > 0) || node.defaultRule?.head.kind === "function") return undefined;
    const memo = this.ctx.memo;
    const cached = memo.get(node.id);
    if (cached !== undefined) {
      if (cached === IN_PROGRESS) throw new RegoError("rego_recursion_error", `rule ${node.name} is recursive`, (node.complete[0] ?? node.multi[0] ?? node.dynamic[0])?.loc);
      return cached === UNDEFINED ? undefined : cached;
    }
    memo.set(node.id, IN_PROGRESS);
    let value: Value | undefined;
    try {
      value = this.computeNode(node, base);
    } catch (err) {
      memo.delete(node.id);
      throw err;
    }
    memo.set(node.id, value === undefined ? UNDEFINED : value);
    return value;
  }

  private computeNode(node: TreeNode, base: Value | undefined): Value | undefined {
    if (node.functions.length > 0) {
      // A function without arguments read as a value: `f() := 1` ... `data.x.f`.
      return node.functions[0]!.head.args!.length === 0 ? this.functionValue(node, []) : undefined;
    }
    if (node.complete.length > 0 || (node.multi.length === 0 && node.dynamic.length === 0 && node.dynamicDefaults.length === 0)) {
      let result: Value | undefined;
      for (const rule of node.complete) {
        const v = this.inRuleFrame(rule, () => this.ruleBranches(rule));
        if (v === undefined) continue;
        if (result !== undefined && !equal(result, v)) {
          throw new RegoError("eval_conflict_error", `rule ${node.name} produced conflicting values`, rule.loc);
        }
        result = v;
      }
      if (result === undefined && node.defaultRule) result = this.defaultValue(node.defaultRule);
      return result;
    }
    const builder = new PartialBuilder(node.name);
    for (const rule of node.multi) {
      // A constant member needs one solution only (OPA's early exit).
      const once = constantValue(rule.head.key!) !== undefined;
      this.inRuleFrame(rule, () =>
        this.evalBody(rule.body, 0, () => this.evalTerm(rule.head.key!, (v) => (builder.addMember([], v, rule.loc), once))),
      );
    }
    for (const rule of node.dynamic) {
      const valueTerm = rule.head.kind === "contains" ? rule.head.key! : (rule.head.value ?? TRUE_TERM);
      const once = constantValue(valueTerm) !== undefined && rule.dynamic.every((t) => constantValue(t) !== undefined);
      this.inRuleFrame(rule, () =>
        this.evalBody(rule.body, 0, () =>
          this.evalList(rule.dynamic, 0, [], (keys) => {
            if (rule.head.kind === "contains") return this.evalTerm(valueTerm, (v) => (builder.addMember(keys, v, rule.loc), once));
            return this.evalTerm(valueTerm, (v) => (builder.addValue(keys, v, rule.loc), once));
          }),
        ),
      );
    }
    for (const rule of node.dynamicDefaults) {
      const keys = rule.dynamic.map((t) => constantValue(t)!);
      const value = this.defaultValue(rule);
      if (value !== undefined) builder.addDefault(keys, value);
    }
    // Rules below a node with dynamic rules (`p[x] := 1` beside `p.q.r := 2`) merge in.
    for (const [name, child] of node.children) {
      const v = this.materialize(child, base === undefined ? undefined : indexValue(base, name));
      if (v !== undefined) builder.addValue([name], v, node.dynamic[0]?.loc);
    }
    return builder.value(node.multi.length > 0);
  }

  /** Runs `f` in a fresh frame for `rule`, with depth accounting. */
  private inRuleFrame<T>(rule: Rule, f: () => T): T {
    if (++this.depth > this.options.maxDepth) {
      this.depth = 0;
      throw new RegoError("eval_depth_error", `evaluation exceeded the maximum depth of ${this.options.maxDepth} in ${["data", ...rule.path].join(".")}`, rule.loc);
    }
    const saved = this.frame;
    this.frame = new Array(rule.slots);
    this.ruleStack.push(rule);
    try {
      return f();
    } catch (err) {
      // The stack ran out (deep data, deep recursion in a builtin): name the innermost rule.
      if (err instanceof RangeError) {
        throw new RegoError("eval_depth_error", `evaluation nested too deeply (stack exhausted) in ${["data", ...rule.path].join(".")}`, rule.loc);
      }
      throw err;
    } finally {
      this.frame = saved;
      this.ruleStack.pop();
      this.depth--;
    }
  }

  /** A complete rule's (or function's) value: its body, then each else in order. */
  private ruleBranches(rule: Rule): Value | undefined {
    for (const b of branchesOf(rule)) {
      let result: Value | undefined;
      this.evalBody(b.body, 0, () =>
        this.evalTerm(b.value, (v) => {
          if (result !== undefined && !equal(result, v)) {
            // OPA 1.x's wording (topdown/conflicts.go).
            const ref = ["data", ...rule.path].join(".");
            const message = rule.head.kind === "function" ? `function ${ref} produced conflicting values for the same inputs` : `rule ${ref} produced conflicting values`;
            throw new RegoError("eval_conflict_error", message, rule.loc);
          }
          result = v;
          return b.once;
        }),
      );
      if (result !== undefined) return result;
    }
    return undefined;
  }

  private defaultValue(rule: Rule): Value | undefined {
    return this.inRuleFrame(rule, () => {
      let out: Value | undefined;
      this.evalTerm(rule.head.value!, (v) => ((out = v), true));
      return out;
    });
  }

  // ---------------------------------------------------------------------------
  // Calls

  private evalCall(t: Term & { type: "call" }, k: VK): boolean {
    let target = t.target;
    if (!target) throw new RegoError("rego_type_error", `undefined function ${t.name}`, t.loc);
    if (this.ctx.mocks.size > 0) {
      const mock = this.ctx.mocks.get(mockKey(target));
      if (mock?.kind === "value") {
        const arity = this.arity(target, t.args.length);
        return this.evalList(t.args.slice(0, arity), 0, [], () => this.emit(t, arity, mock.value, k));
      }
      if (mock) return this.callReplacement(mock.target, t, k);
    }
    switch (target.kind) {
      case "special":
        return this.evalSpecial(target.name, t, k);
      case "function":
        return this.callFunction(target, t, k);
      case "builtin":
        return this.callBuiltin(target.name, t, k);
    }
  }

  /**
   * A call that a `with` sent to another function or builtin: its arguments
   * are evaluated here, the replacement without the mocks (see Context.unmocked).
   */
  private callReplacement(target: CallTarget, t: Term & { type: "call" }, k: VK): boolean {
    if (target.kind !== "function") return target.kind === "builtin" ? this.callBuiltin(target.name, t, k) : this.evalSpecial(target.name, t, k);
    const node = this.node(target.path);
    if (!node) throw new RegoError("rego_type_error", `undefined function data.${target.path.join(".")}`, t.loc);
    const arity = this.arity(target, t.args.length);
    const inputs = t.args.length > arity ? t.args.slice(0, arity) : t.args;
    return this.evalList(inputs, 0, new Array(inputs.length), (args) => {
      const outer = this.ctx;
      this.ctx = outer.unmocked();
      let v: Value | undefined;
      try {
        v = this.functionValue(node, args);
      } finally {
        this.ctx = outer;
      }
      return v !== undefined && this.emit(t, arity, v, k);
    });
  }

  private arity(target: CallTarget, given: number): number {
    if (target.kind === "builtin") return this.program.builtins.get(target.name)?.arity ?? given;
    if (target.kind === "function") {
      const node = this.node(target.path);
      return node?.functions[0]?.head.args?.length ?? node?.defaultRule?.head.args?.length ?? given;
    }
    return given;
  }

  /** A call's result: the value, or (with an extra argument) unified with that argument. */
  private emit(t: Term & { type: "call" }, arity: number, v: Value, k: VK): boolean {
    if (t.args.length > arity) return this.unifyPattern(t.args[arity]!, v, () => k(true));
    return k(v);
  }

  private callBuiltin(name: string, t: Term & { type: "call" }, k: VK): boolean {
    const def = this.program.builtins.get(name);
    if (!def) throw new RegoError("rego_type_error", `undefined function ${name}`, t.loc);
    const arity = def.arity;
    const inputs = t.args.length > arity ? t.args.slice(0, arity) : t.args;
    return this.evalList(
      inputs,
      0,
      new Array(inputs.length),
      (args) => {
        const out = this.invoke(def, args, t);
        if (out === undefined) return false;
        if (def.relation) {
          for (const o of out as Value[]) if (this.emit(t, arity, o, k)) return true;
          return false;
        }
        return this.emit(t, arity, out, k);
      },
      // Builtins get the array for the call only (they do not keep it).
      true,
    );
  }

  /** Calls a builtin; its errors fail the query in strict mode, else make the call undefined. */
  private invoke(def: BuiltinDef, args: Value[], t: Term): Value | undefined {
    // Decoding the same document again (a policy JSON string read by twenty rules) gives the same value.
    if (args.length === 1 && typeof args[0] === "string" && MEMOIZED_BUILTINS.has(def.name)) {
      // Keyed by the argument string itself: V8 keeps a string's hash, so a
      // second lookup of the same input string does not read it again.
      let memo = this.ctx.builtinMemo.get(def.name);
      if (!memo) this.ctx.builtinMemo.set(def.name, (memo = new Map()));
      const hit = memo.get(args[0]);
      if (hit !== undefined) return hit === UNDEFINED ? undefined : hit;
      const out = this.invokeUncached(def, args, t);
      memo.set(args[0], out === undefined ? UNDEFINED : out);
      return out;
    }
    return this.invokeUncached(def, args, t);
  }

  private invokeUncached(def: BuiltinDef, args: Value[], t: Term): Value | undefined {
    let out: Value | undefined;
    try {
      out = def.impl(args, this.builtinCtx);
    } catch (err) {
      if (err instanceof RegoError || err instanceof RangeError) throw err;
      const rule = this.currentRuleName();
      const where = rule ? ` (in ${rule})` : "";
      // A planguard-only limit fails the rule even outside strict mode: OPA would have a value here.
      if (err instanceof BuiltinLimitError) throw new RegoError(err.code, err.message + where, t.loc);
      if (!this.options.strict) return undefined;
      if (err instanceof BuiltinError) throw new RegoError(err.code, err.message + where, t.loc);
      throw new RegoError("eval_builtin_error", `${def.name}: ${err instanceof Error ? err.message : String(err)}${where}`, t.loc);
    }
    // Builtins such as array.concat can double a collection per call: checked on every result, so
    // growth stops within a factor of two of the bound instead of at V8's fatal array limit.
    if (typeof out === "object" && out !== null && collectionSize(out) > MAX_COLLECTION_SIZE) this.tooLarge(t.loc, def.name);
    return out;
  }

  private node(path: string[]): TreeNode | undefined {
    if (!this.nodeCache.has(path)) this.nodeCache.set(path, this.program.tree.get(path));
    return this.nodeCache.get(path);
  }

  private callFunction(target: CallTarget & { kind: "function" }, t: Term & { type: "call" }, k: VK): boolean {
    const node = this.node(target.path);
    if (!node) throw new RegoError("rego_type_error", `undefined function data.${target.path.join(".")}`, t.loc);
    const arity = this.arity(target, t.args.length);
    const inputs = t.args.length > arity ? t.args.slice(0, arity) : t.args;
    return this.evalList(
      inputs,
      0,
      new Array(inputs.length),
      (args) => {
        const v = this.functionValue(node, args);
        return v !== undefined && this.emit(t, arity, v, k);
      },
      true,
    );
  }

  private functionValue(node: TreeNode, args: Value[]): Value | undefined {
    const memo = this.callMemo(node.id, args);
    const lastArg = args.length > 0 ? args[args.length - 1] : NO_ARGS;
    const cached = memo.get(lastArg);
    if (cached !== undefined) return cached === UNDEFINED ? undefined : cached;
    let result: Value | undefined;
    for (const rule of node.functions) {
      const slots = paramSlots(rule);
      const v = this.inRuleFrame(rule, () => {
        if (slots) {
          // Plain distinct variables as parameters: bind them, nothing to match.
          for (let i = 0; i < slots.length; i++) this.frame[slots[i]!] = args[i]!;
          return this.ruleBranches(rule);
        }
        let out: Value | undefined;
        this.unifyArgs(rule.head.args!, args, 0, () => {
          out = this.ruleBranches(rule);
          return out !== undefined;
        });
        return out;
      });
      if (v === undefined) continue;
      if (result !== undefined && !equal(result, v)) {
        throw new RegoError("eval_conflict_error", `function ${node.name} produced conflicting values for the same inputs`, rule.loc);
      }
      result = v;
    }
    if (result === undefined && node.defaultRule) result = this.defaultValue(node.defaultRule);
    memo.set(lastArg, result === undefined ? UNDEFINED : result);
    return result;
  }

  /**
   * Where a function's results for these arguments are kept: one map per
   * argument, keyed by the argument itself. Scalars are keys by value and
   * collections by identity; values are never changed once built, so the
   * same object is the same argument, and equal but distinct objects only
   * miss (a policy calling `has(s.Action, "*")` from twelve rules hits it
   * eleven times).
   */
  private callMemo(nodeId: number, args: Value[]): Map<unknown, Value | typeof UNDEFINED> {
    let m = this.ctx.calls.get(nodeId);
    if (!m) this.ctx.calls.set(nodeId, (m = new Map()));
    for (let i = 0; i < args.length - 1; i++) {
      let next = m.get(args[i]) as Map<unknown, unknown> | undefined;
      if (!next) m.set(args[i], (next = new Map()));
      m = next;
    }
    return m as Map<unknown, Value | typeof UNDEFINED>;
  }

  private unifyArgs(params: Term[], args: Value[], i: number, k: K): boolean {
    if (i === params.length) return k();
    return this.unifyPattern(params[i]!, args[i]!, () => this.unifyArgs(params, args, i + 1, k));
  }

  private evalSpecial(name: string, t: Term & { type: "call" }, k: VK): boolean {
    switch (name) {
      case "internal.member_2":
        return this.evalList(t.args.slice(0, 2), 0, [], ([x, coll]) => this.emit(t, 2, isMember(x!, coll!), k));
      case "internal.member_3":
        return this.evalList(t.args.slice(0, 3), 0, [], ([key, value, coll]) => this.emit(t, 3, isMemberKV(key!, value!, coll!), k));
      case "print":
      case "internal.print":
        return this.print(t.args, t.loc, k);
      case "rego.metadata.rule":
        return this.emit(t, 0, this.ruleMetadata(), k);
      case "rego.metadata.chain":
        return this.emit(t, 0, this.metadataChain(), k);
      default:
        throw new RegoError("rego_type_error", `undefined function ${name}`, t.loc);
    }
  }

  /**
   * print: each argument's values as a set (none: `<undefined>`), one line
   * per combination, as OPA's internal.print does; the sink also gets the
   * call's location (OPA's print.Context.Location).
   */
  private print(args: Term[], loc: Location, k: VK): boolean {
    const sink = this.options.print;
    if (sink) {
      const perArg = args.map((a) => {
        const vs = new RegoSet();
        this.evalTerm(a, (v) => (vs.addDuringConstruction(v), false));
        return vs.size ? sortedMembers(vs) : [undefined];
      });
      const line = (i: number, acc: (Value | undefined)[]): void => {
        if (i === perArg.length) return sink(formatPrintArgs(acc), loc);
        for (const v of perArg[i]!) line(i + 1, [...acc, v]);
      };
      line(0, []);
    }
    return k(true);
  }

  private ruleMetadata(): Value {
    const rule = this.ruleStack[this.ruleStack.length - 1];
    const a = rule?.annotations.find((x) => x.scope === "rule") ?? rule?.annotations[0];
    return a ? annotationValue(a) : {};
  }

  private metadataChain(): Value {
    const rule = this.ruleStack[this.ruleStack.length - 1];
    if (!rule) return [];
    const chain: Value[] = [];
    const a = rule.annotations[0];
    chain.push(a ? { path: ["data", ...rule.path], annotations: annotationValue(a) } : { path: ["data", ...rule.path] });
    const pkgA = rule.module.annotations[0];
    if (pkgA) chain.push({ path: ["data", ...rule.module.pkg], annotations: annotationValue(pkgA) });
    return chain;
  }

  // ---------------------------------------------------------------------------
  // Unification

  /** `a = b`: evaluates the side that can be, and matches the other against it. */
  private unifyTerms(a: Term, b: Term, k: K): boolean {
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
      return this.unifyPairs(a.items.map((x, i) => [x, b.items[i]!] as [Term, Term]), k);
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
  }

  /** Unifies pairs, each as soon as one of its sides can be evaluated. */
  private unifyPairs(pairs: [Term, Term][], k: K): boolean {
    if (pairs.length === 0) return k();
    let idx = pairs.findIndex(([x, y]) => this.canEval(x) || this.canEval(y));
    if (idx < 0) idx = 0;
    const [x, y] = pairs[idx]!;
    const rest = pairs.filter((_, i) => i !== idx);
    return this.unifyTerms(x, y, () => this.unifyPairs(rest, k));
  }

  /** Matches a term against a value, binding its unbound variables. */
  private unifyPattern(t: Term, v: Value, k: K): boolean {
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
  }

  private unifyItems(items: Term[], values: Value[], i: number, k: K): boolean {
    if (i === items.length) return k();
    return this.unifyPattern(items[i]!, values[i]!, () => this.unifyItems(items, values, i + 1, k));
  }

  private unifyEntries(entries: [Term, Term][], obj: ObjectValue, i: number, k: K): boolean {
    if (i === entries.length) return k();
    const [kt, vt] = entries[i]!;
    return this.evalTerm(kt, (key) => {
      const child = indexValue(obj, key);
      return child !== undefined && this.unifyPattern(vt, child, () => this.unifyEntries(entries, obj, i + 1, k));
    });
  }
}

// ---------------------------------------------------------------------------

interface Branch {
  value: Term;
  body: Body;
  /** Every solution gives the same constant value: the first one decides (OPA's early exit). */
  once: boolean;
}

const branchCache = new WeakMap<Rule, Branch[]>();

/** A complete rule's or function's body and its else branches, in order (worked out once per rule). */
function branchesOf(rule: Rule): Branch[] {
  let branches = branchCache.get(rule);
  if (!branches) {
    const all = [{ value: rule.head.value ?? TRUE_TERM, body: rule.body }, ...rule.elses.map((e) => ({ value: e.value ?? TRUE_TERM, body: e.body }))];
    branches = all.map((b) => ({ ...b, once: constantValue(b.value) !== undefined }));
    branchCache.set(rule, branches);
  }
  return branches;
}

const binderCache = new WeakMap<Term, Set<number>>();

/** The slots of the variables in the paths of the references inside a term (not inside comprehensions). */
function referenceBinders(t: Term): Set<number> {
  let slots = binderCache.get(t);
  if (!slots) {
    const found = new Set<number>();
    const visit = (x: Term, inPath: boolean): void => {
      switch (x.type) {
        case "var":
          if (inPath) found.add(x.slot!);
          return;
        case "ref":
          visit(x.head, false);
          for (const seg of x.path) visit(seg, true);
          return;
        case "array":
        case "set":
          for (const item of x.items) visit(item, false);
          return;
        case "object":
          for (const [k, v] of x.entries) (visit(k, false), visit(v, false));
          return;
        case "call":
          for (const a of x.args) visit(a, false);
          return;
        default:
          return;
      }
    };
    visit(t, false);
    binderCache.set(t, (slots = found));
  }
  return slots;
}

/** The memo key of a call without arguments (see callMemo). */
const NO_ARGS = Symbol("no arguments");

const paramCache = new WeakMap<Rule, number[] | null>();

/** The frame slots of a function's parameters when they are distinct plain variables; else null. */
function paramSlots(rule: Rule): number[] | null {
  let slots = paramCache.get(rule);
  if (slots === undefined) {
    const params = rule.head.args ?? [];
    const list = params.map((p) => (p.type === "var" && p.slot !== undefined ? p.slot : -1));
    slots = list.includes(-1) || new Set(list).size !== list.length ? null : list;
    paramCache.set(rule, slots);
  }
  return slots;
}

function isMember(x: Value, coll: Value): boolean {
  return forEachMember(coll, (_, v) => equal(v, x));
}

function isMemberKV(key: Value, value: Value, coll: Value): boolean {
  const v = indexValue(coll, key);
  return v !== undefined && equal(v, value);
}

function setInputPath(input: Value | undefined, path: string[], value: Value): Value {
  let out: Value | undefined = input;
  const build = (base: Value | undefined, i: number): Value => {
    if (i === path.length) return value;
    const obj = base !== undefined && isObject(base) ? base : {};
    const entries: [Value, Value][] = [];
    forEachMember(obj, (k, v) => (k !== path[i] && entries.push([k, v]), false));
    entries.push([path[i]!, build(indexValue(obj, path[i]!), i + 1)]);
    return makeObject(entries);
  };
  out = build(out, 0);
  return out;
}

function annotationValue(a: Annotation): Value {
  return JSON.parse(JSON.stringify({ scope: a.scope, ...a.raw })) as Value;
}
