/**
 * What the evaluator works out once per syntax node and then reads on every
 * evaluation: whether a term is direct, its constant value, the variables its
 * references bind, a literal's kind of step, a rule's branches, a call's
 * tree node. Kept on the node itself under symbol keys rather than in
 * WeakMaps: a property read where a WeakMap look-up hashed the node on every
 * literal of every evaluation (several per literal, most of them while V8
 * still runs the evaluator unoptimized). The properties are symbol-keyed and
 * not enumerable (keep): JSON.stringify skips them, so the build's AST and
 * compiled caches, which serialize these nodes, never carry them, and a node
 * copied with a spread does not take them along.
 *
 * A fact about a node holds for as long as the node lives: nodes are not
 * changed after compilation, and the facts read only the node, its
 * descendants and the program's builtins and rule tree, which a compiled
 * node keeps (a module taken from an earlier compile is compiled against the
 * same library).
 */
import type { Body, CallTarget, Literal, Rule, Term } from "../ast.js";
import type { TreeNode } from "../compiler/tree.js";
import type { Value } from "../value.js";

export const DIRECT = Symbol("direct");
export const CONSTANT = Symbol("constant");
export const BINDERS = Symbol("binders");
export const STEP_KIND = Symbol("step kind");
export const BRANCHES = Symbol("branches");
export const PARAM_SLOTS = Symbol("parameter slots");
export const CALL_NODE = Symbol("call node");

/** A term with the facts the evaluator keeps on it. */
export type TermFacts = {
  [DIRECT]?: boolean;
  /** The constant value, or null when the term is not made only of constants. */
  [CONSTANT]?: Value | null;
  /** The slots of the variables in the paths of the references inside the term (see direct.ts, canEval). */
  [BINDERS]?: Set<number>;
};

/** How directSteps takes a literal (see search.ts): with modifiers, an index scan, or an expression direct evaluation does not take. */
export const KIND_SEARCH = 0;
/** A term with at most one value, tested for truth. */
export const KIND_TEST = 1;
/** `x := t` or `x = t` with t direct: x bound to (or compared with) t's value. */
export const KIND_ASSIGN = 2;
/** `some v in coll` or `some k, v in coll` with plain variables over a direct collection (search.ts, eachStep). */
export const KIND_EACH = 3;

export type LiteralFacts = { [STEP_KIND]?: number };

/** A complete rule's or function's body or else branch (see rule-tree.ts). */
export interface Branch {
  value: Term;
  body: Body;
  /** Every solution gives the same constant value: the first one decides (OPA's early exit). */
  once: boolean;
  /** That value, when once. */
  constant: Value | undefined;
}

export type RuleFacts = {
  [BRANCHES]?: Branch[];
  /** The frame slots of a function's parameters when they are distinct plain variables, else null. */
  [PARAM_SLOTS]?: number[] | null;
};

/** A call target's function node, in the rule tree of the program that looked it up. */
export type TargetFacts = { [CALL_NODE]?: { tree: object; node: TreeNode | undefined } };

/**
 * Keeps a fact on a node, not enumerable: a node copied with a spread (as the
 * compiler's passes rebuild terms) or compared by a test's deep equality does
 * not carry or show it, so a fact can never reach a node it was not worked
 * out for.
 */
export function keep<F extends object, K extends keyof F>(
  facts: F,
  key: K,
  value: Exclude<F[K], undefined>,
): Exclude<F[K], undefined> {
  Object.defineProperty(facts, key, { value, writable: true, enumerable: false, configurable: true });
  return value;
}

export const termFacts = (t: Term): TermFacts => t as TermFacts;
export const literalFacts = (l: Literal): LiteralFacts => l as LiteralFacts;
export const ruleFacts = (r: Rule): RuleFacts => r as RuleFacts;
export const targetFacts = (t: CallTarget): TargetFacts => t as TargetFacts;
