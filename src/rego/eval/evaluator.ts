/**
 * The evaluator: a backtracking search written in continuation-passing
 * style. Each step calls its continuation once per solution; a continuation
 * returns true to stop the search (a negation or `every` needs only one
 * answer). Variables live in a frame of slots per rule call: binding sets a
 * slot before calling the continuation and clears it after, so backtracking
 * needs no trail.
 *
 * This file is the evaluator's state (frame, context, depth, budget) and its
 * entry points. The steps live in one module per job, along the lines of
 * OPA's topdown, and are the class's methods (assembled onto its prototype
 * below, so a step calls another as `this.step(...)`, as one class would):
 *
 *   search.ts         bodies, literals, expressions, terms
 *   direct.ts         terms with at most one value, evaluated as plain calls
 *   references.ts     references into values (iteration over unbound keys)
 *   rule-tree.ts      `data`: the rule tree beside the base documents, rule values
 *   calls.ts          calls: mocks, user functions and their memo
 *   builtin-calls.ts  builtins: errors, memoized decodings, size bound
 *   special-calls.ts  membership, print, rego.metadata.*
 *   with.ts           `with` modifiers
 *   unify.ts          unification
 *
 * Rule values are computed completely once per context and memoized;
 * functions are memoized by their arguments (calls.ts, FunctionMemo).
 */
import type { Body, Rule, Term } from "../ast.js";
import type { BuiltinContext } from "../builtins/index.js";
import type { Program } from "../compiler/compile.js";
import { RegoError, type Location } from "../errors.js";
import type { Value } from "../value.js";
import { builtinCalls } from "./builtin-calls.js";
import { calls } from "./calls.js";
import type { Context } from "./context.js";
import { directEvaluation } from "./direct.js";
import { MAX_COLLECTION_SIZE } from "./limits.js";
import { references } from "./references.js";
import { ruleTrees, TRUE_TERM } from "./rule-tree.js";
import { search } from "./search.js";
import { specialCalls } from "./special-calls.js";
import { unification } from "./unify.js";
import { withModifiers } from "./with.js";

/** A continuation: called once per solution, returns true to stop the search. */
export type K = () => boolean;
/** A continuation that gets a value. */
export type VK = (v: Value) => boolean;
export type Frame = (Value | undefined)[];

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

type Steps = typeof search &
  typeof directEvaluation &
  typeof references &
  typeof ruleTrees &
  typeof calls &
  typeof builtinCalls &
  typeof specialCalls &
  typeof withModifiers &
  typeof unification;

// The steps, declared on the class (they are assigned to its prototype below).
export interface Evaluator extends Steps {}

// The fields are public for the step modules only; outside eval/, the entry points are the API.
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface declares the methods assigned below
export class Evaluator {
  frame: Frame = [];
  ctx: Context;
  /** Nested rule and function evaluations (bounded by maxDepth). */
  depth = 0;
  /** Literals and iterations; the time budget is checked every 1024. */
  steps = 0;
  readonly builtinCtx: BuiltinContext;
  /** See EvalOptions.shortcuts. */
  readonly shortcuts: boolean;
  /** Rules being evaluated, innermost last (for messages and rego.metadata). */
  readonly ruleStack: Rule[] = [];
  /** Direct calls in progress (see direct.ts, directCall), and their argument arrays by depth and length. */
  callDepth = 0;
  readonly argPool: Value[][][] = [];
  /** The frames of the rules in progress by nesting level (ruleStack's length), reused by the next rule at that level (see enterRule). */
  readonly framePool: Frame[] = [];
  /** Slots bound by the bodies in progress, innermost last (see search.ts, evalBody). */
  readonly boundSlots: number[] = [];
  /** The value `capture` was last given (see direct.ts, directDataRef). */
  captured: Value | undefined = undefined;
  /** A continuation that keeps the value it gets and stops: one per evaluator, not one per use. */
  readonly capture: VK = (v) => {
    this.captured = v;
    return true;
  };

  constructor(
    readonly program: Program,
    root: Context,
    readonly options: EvalOptions,
  ) {
    this.ctx = root;
    this.shortcuts = options.shortcuts !== false;
    this.builtinCtx = {
      strict: options.strict,
      nowNs: options.nowNs,
      ...(options.print ? { print: options.print } : {}),
      ...(options.note ? { note: options.note } : {}),
    };
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
  // Bounds

  /**
   * A comprehension past MAX_COLLECTION_SIZE: a budget error, like the time
   * budget's. Without it, a few nested iterations build arrays that V8
   * cannot hold, which ends the process with a fatal error before the time
   * budget is looked at.
   */
  tooLarge(loc: Location | undefined, what = "a comprehension"): never {
    const rule = this.currentRuleName();
    throw new RegoError(
      "eval_cancel_error",
      `${what} built more than ${MAX_COLLECTION_SIZE} elements, over the evaluation budget${rule ? ` (in ${rule})` : ""}`,
      loc,
    );
  }

  /** Checks the time budget (called every 1024 steps: literals and iterations). */
  tick(): void {
    if (Date.now() > this.options.deadline) {
      const rule = this.currentRuleName();
      throw new RegoError(
        "eval_cancel_error",
        `evaluation took longer than its time budget of ${this.options.timeoutMs} ms${rule ? ` (in ${rule})` : ""}`,
      );
    }
  }

  /** Runs `f` in a fresh frame for `rule`, with depth accounting. */
  inRuleFrame<T>(rule: Rule, f: () => T): T {
    const saved = this.enterRule(rule);
    try {
      return f();
    } catch (err) {
      throw this.ruleFailure(err, rule);
    } finally {
      this.leaveRule(saved);
    }
  }

  /**
   * Enters a fresh frame for `rule` and returns the frame to restore with
   * leaveRule (in a `finally`; a `catch` passes errors through ruleFailure).
   * inRuleFrame does all three; hot callers do them inline, without a closure.
   */
  enterRule(rule: Rule): Frame {
    if (++this.depth > this.options.maxDepth) {
      this.depth = 0;
      throw new RegoError(
        "eval_depth_error",
        `evaluation exceeded the maximum depth of ${this.options.maxDepth} in ${["data", ...rule.path].join(".")}`,
        rule.loc,
      );
    }
    const saved = this.frame;
    // Frames nest as the rules in progress do, so the frame of the rule at one
    // nesting level is free again once it returns: reused, cleared, by the next
    // rule or function call at that level (a new frame per call was garbage on
    // every function call).
    const level = this.ruleStack.length;
    let frame = this.framePool[level];
    if (frame === undefined || frame.length < rule.slots) this.framePool[level] = frame = new Array(rule.slots);
    else frame.fill(undefined, 0, rule.slots);
    this.frame = frame;
    this.ruleStack.push(rule);
    return saved;
  }

  leaveRule(saved: Frame): void {
    this.frame = saved;
    this.ruleStack.pop();
    this.depth--;
  }

  /** An error leaving a rule: the stack running out (deep data, deep recursion in a builtin) names the innermost rule. */
  ruleFailure(err: unknown, rule: Rule): unknown {
    if (err instanceof RangeError) {
      return new RegoError(
        "eval_depth_error",
        `evaluation nested too deeply (stack exhausted) in ${["data", ...rule.path].join(".")}`,
        rule.loc,
      );
    }
    return err;
  }
}

Object.assign(
  Evaluator.prototype,
  search,
  directEvaluation,
  references,
  ruleTrees,
  calls,
  builtinCalls,
  specialCalls,
  withModifiers,
  unification,
);
