/**
 * Calls: a call goes to a `with` mock, a builtin (builtin-calls.ts), one of
 * the engine's own (special-calls.ts) or a user function. Function results
 * are memoized per context by their arguments (OPA's topdown caches
 * virtual-document calls the same way).
 */
import type { CallTarget, Rule, Term } from "../ast.js";
import { mockKey } from "../compiler/resolve.js";
import type { TreeNode } from "../compiler/tree.js";
import { RegoError } from "../errors.js";
import { equal, type Value } from "../value.js";
import { UNDEFINED } from "./context.js";
import type { Evaluator, VK } from "./evaluator.js";
import { CALL_NODE, PARAM_SLOTS, ruleFacts, targetFacts, keep } from "./node-facts.js";

export const calls = {
  evalCall(this: Evaluator, t: Term & { type: "call" }, k: VK): boolean {
    const target = t.target;
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
  },

  /**
   * A call that a `with` sent to another function or builtin: its arguments
   * are evaluated here, the replacement without the mocks (see Context.unmocked).
   */
  callReplacement(this: Evaluator, target: CallTarget, t: Term & { type: "call" }, k: VK): boolean {
    if (target.kind !== "function")
      return target.kind === "builtin" ? this.callBuiltin(target.name, t, k) : this.evalSpecial(target.name, t, k);
    const node = this.node(target);
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
  },

  arity(this: Evaluator, target: CallTarget, given: number): number {
    if (target.kind === "builtin") return this.program.builtins.get(target.name)?.arity ?? given;
    if (target.kind === "function") {
      const node = this.node(target);
      return node?.functions[0]?.head.args?.length ?? node?.defaultRule?.head.args?.length ?? given;
    }
    return given;
  },

  /** A call's result: the value, or (with an extra argument) unified with that argument. */
  emit(this: Evaluator, t: Term & { type: "call" }, arity: number, v: Value, k: VK): boolean {
    if (t.args.length > arity) return this.unifyPattern(t.args[arity]!, v, () => k(true));
    return k(v);
  },

  /** A function call's node in the rule tree (looked up once per call target and program). */
  node(this: Evaluator, target: CallTarget & { kind: "function" }): TreeNode | undefined {
    const facts = targetFacts(target);
    const tree = this.program.tree;
    let found = facts[CALL_NODE];
    if (found === undefined || found.tree !== tree)
      found = keep(facts, CALL_NODE, { tree, node: tree.get(target.path) });
    return found.node;
  },

  callFunction(this: Evaluator, target: CallTarget & { kind: "function" }, t: Term & { type: "call" }, k: VK): boolean {
    const node = this.node(target);
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
  },

  functionValue(this: Evaluator, node: TreeNode, args: Value[]): Value | undefined {
    const memo = this.functionMemo(node.id);
    let level: MemoLevel | undefined;
    const lastArg = args.length > 0 ? args[args.length - 1] : NO_ARGS;
    if (memo !== null) {
      level = memo.levelFor(args);
      const cached = level.get(lastArg) as Value | typeof UNDEFINED | undefined;
      if (cached !== undefined) {
        memo.hits++;
        return cached === UNDEFINED ? undefined : cached;
      }
    }
    let result: Value | undefined;
    const rules = node.functions;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      const slots = paramSlots(rule);
      // inRuleFrame, inline: no closure per call.
      const saved = this.enterRule(rule);
      let v: Value | undefined;
      try {
        if (slots) {
          // Plain distinct variables as parameters: bind them, nothing to match.
          for (let i = 0; i < slots.length; i++) this.frame[slots[i]!] = args[i]!;
          v = this.ruleBranches(rule);
        } else {
          this.unifyArgs(rule.head.args!, args, 0, () => {
            v = this.ruleBranches(rule);
            return v !== undefined;
          });
        }
      } catch (err) {
        throw this.ruleFailure(err, rule);
      } finally {
        this.leaveRule(saved);
      }
      if (v === undefined) continue;
      if (result !== undefined && !equal(result, v)) {
        throw new RegoError(
          "eval_conflict_error",
          `function ${node.name} produced conflicting values for the same inputs`,
          rule.loc,
        );
      }
      result = v;
    }
    if (result === undefined && node.defaultRule) result = this.defaultValue(node.defaultRule);
    if (memo !== null) {
      level!.set(lastArg, result === undefined ? UNDEFINED : result);
      if (memo.missWorthDropping()) this.ctx.calls.set(node.id, null);
    }
    return result;
  },

  /**
   * A function's memo in this context, or null when it is off (see
   * FunctionMemo): made at the function's first call.
   */
  functionMemo(this: Evaluator, nodeId: number): FunctionMemo | null {
    let m = this.ctx.calls.get(nodeId);
    if (m === undefined) this.ctx.calls.set(nodeId, (m = new FunctionMemo()));
    return m;
  },
};

/**
 * A function's memo takes this many misses to decide whether it is worth
 * keeping: off when fewer than one call in MEMO_MIN_HIT_SHARE was a hit.
 */
export const MEMO_TRIAL = 256;
const MEMO_MIN_HIT_SHARE = 8;

/**
 * A function's results in one context, by its arguments: one level per
 * argument, keyed by the argument itself. Scalars are keys by value and
 * collections by identity; values are never changed once built, so the
 * same object is the same argument, and equal but distinct objects only
 * miss (a policy calling `has(s.Action, "*")` from twelve rules hits it
 * eleven times).
 *
 * A level holds its first key in place and makes a Map at its second (see
 * MemoLevel): a function called with each resource of a plan in turn
 * (`pending(r, ["kms_key_id"])`) has one second argument per resource, and
 * a Map per resource was most of the memo's cost.
 *
 * Most of the library's helpers take a resource and are called once per
 * resource and path (`lib.is_unknown(r, ["kms_key_id"])`: 17,000 calls on a
 * dense plan, no hit): their memo only keeps garbage alive through the
 * scavenges. So a function whose first MEMO_TRIAL misses came with fewer
 * than one hit in MEMO_MIN_HIT_SHARE calls is no longer memoized in this
 * context (its entries are dropped). A memo changes no result (a function's
 * value depends on its arguments and the context only), so this is about
 * time alone.
 */
export class FunctionMemo {
  hits = 0;
  private misses = 0;
  private readonly root = new MemoLevel();

  /**
   * Counts a miss (its result has been stored); true when the memo has proved
   * not worth keeping: every entry kept is garbage to copy through the
   * scavenges and later collect, for nothing.
   */
  missWorthDropping(): boolean {
    return ++this.misses === MEMO_TRIAL && this.hits * MEMO_MIN_HIT_SHARE < MEMO_TRIAL + this.hits;
  }

  /** The level holding the results by the last argument, made along the way for the others. */
  levelFor(args: Value[]): MemoLevel {
    let m = this.root;
    for (let i = 0; i < args.length - 1; i++) {
      let next = m.get(args[i]) as MemoLevel | undefined;
      if (!next) m.set(args[i], (next = new MemoLevel()));
      m = next;
    }
    return m;
  }
}

/** The memo key of a call without arguments (see FunctionMemo). */
const NO_ARGS = Symbol("no arguments");

/** No key yet (see MemoLevel). */
const NO_KEY = Symbol("no key");

/**
 * One level of a function's memo: values by key, as a Map would keep them
 * (SameValueZero), with the first key kept in place until a second one comes.
 */
export class MemoLevel {
  private key: unknown = NO_KEY;
  private value: unknown = undefined;
  private map: Map<unknown, unknown> | undefined = undefined;

  get(key: unknown): unknown {
    if (this.map !== undefined) return this.map.get(key);
    return sameValueZero(this.key, key) ? this.value : undefined;
  }

  set(key: unknown, value: unknown): void {
    if (this.map !== undefined) this.map.set(key, value);
    else if (this.key === NO_KEY || sameValueZero(this.key, key)) {
      this.key = key;
      this.value = value;
    } else {
      this.map = new Map([
        [this.key, this.value],
        [key, value],
      ]);
      this.key = NO_KEY;
      this.value = undefined;
    }
  }
}

/** Map's key equality: === but NaN is NaN (0 and -0 are one key already). */
const sameValueZero = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));

/** The frame slots of a function's parameters when they are distinct plain variables; else null. */
function paramSlots(rule: Rule): number[] | null {
  const facts = ruleFacts(rule);
  let slots = facts[PARAM_SLOTS];
  if (slots === undefined) {
    const params = rule.head.args ?? [];
    const list = params.map((p) => (p.type === "var" && p.slot !== undefined ? p.slot : -1));
    slots = list.includes(-1) || new Set(list).size !== list.length ? null : list;
    keep(facts, PARAM_SLOTS, slots);
  }
  return slots;
}
