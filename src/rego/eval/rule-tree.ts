/**
 * Virtual documents: `data` as the rule tree beside the base documents
 * (OPA's evalTree). A path is walked without evaluating the rules off it;
 * a rule's value is computed completely once per context and memoized.
 */
import type { Rule, Term } from "../ast.js";
import { constantValue } from "../compiler/constants.js";
import type { TreeNode } from "../compiler/tree.js";
import { RegoError } from "../errors.js";
import { canonicalKey, equal, isObject, makeObject, type Value } from "../value.js";
import { forEachMember, indexBase, indexValue } from "./collections.js";
import { IN_PROGRESS, UNDEFINED } from "./context.js";
import type { Evaluator, VK } from "./evaluator.js";
import { NEEDS_SEARCH } from "./direct.js";
import { BRANCHES, type Branch, ruleFacts, keep } from "./node-facts.js";
import { PartialBuilder } from "./partial.js";

/** The value of a rule without one written (`allow if ...`). */
export const TRUE_TERM: Term = { type: "scalar", value: true, loc: { file: "", line: 0, col: 0 } };

export const ruleTrees = {
  /**
   * Follows a path into `data`: the rule tree and the base documents side by
   * side. Packages are walked without evaluating rules that are not on the
   * path; a rule's value is computed (once) when the path reaches it.
   */
  walkData(
    this: Evaluator,
    node: TreeNode | undefined,
    base: Value | undefined,
    path: Term[],
    i: number,
    k: VK,
  ): boolean {
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
  },

  /** `data.x[k]` with k unbound: packages and rules by name, then base keys. */
  iterateData(this: Evaluator, node: TreeNode, base: Value | undefined, path: Term[], i: number, k: VK): boolean {
    const seg = path[i]!;
    const keys = new Set<string>(node.children.keys());
    if (base !== undefined && isObject(base))
      forEachMember(base, (key) => {
        if (typeof key === "string") keys.add(key);
        return false;
      });
    const sorted = [...keys].sort();
    const nonString: Value[] = [];
    if (base !== undefined && isObject(base))
      forEachMember(base, (key) => {
        if (typeof key !== "string") nonString.push(key);
        return false;
      });
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
  },

  /** A package (or any node) as a whole object: base data merged with its virtual documents. */
  materialize(this: Evaluator, node: TreeNode, base: Value | undefined): Value | undefined {
    if (this.program.tree.hasRules(node)) return this.nodeValue(node, base);
    const entries = new Map<string, [Value, Value]>();
    if (base !== undefined) {
      if (!isObject(base)) return node.children.size === 0 ? base : undefined;
      forEachMember(base, (key, value) => {
        entries.set(canonicalKey(key), [key, value]);
        return false;
      });
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
  },

  /** The value of the rules at a node, memoized per context. */
  nodeValue(this: Evaluator, node: TreeNode, base: Value | undefined): Value | undefined {
    if (
      (node.functions.length > 0 && node.functions[0]!.head.args!.length > 0) ||
      node.defaultRule?.head.kind === "function"
    )
      return undefined;
    const memo = this.ctx.memo;
    const cached = memo.get(node.id);
    if (cached !== undefined) {
      if (cached === IN_PROGRESS)
        throw new RegoError(
          "rego_recursion_error",
          `rule ${node.name} is recursive`,
          (node.complete[0] ?? node.multi[0] ?? node.dynamic[0])?.loc,
        );
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
  },

  computeNode(this: Evaluator, node: TreeNode, base: Value | undefined): Value | undefined {
    if (node.functions.length > 0) {
      // A function without arguments read as a value: `f() := 1` ... `data.x.f`.
      return node.functions[0]!.head.args!.length === 0 ? this.functionValue(node, []) : undefined;
    }
    if (
      node.complete.length > 0 ||
      (node.multi.length === 0 && node.dynamic.length === 0 && node.dynamicDefaults.length === 0)
    ) {
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
        this.evalBody(rule.body, 0, () =>
          this.evalTerm(rule.head.key!, (v) => {
            builder.addMember([], v, rule.loc);
            return once;
          }),
        ),
      );
    }
    for (const rule of node.dynamic) {
      const valueTerm = rule.head.kind === "contains" ? rule.head.key! : (rule.head.value ?? TRUE_TERM);
      const once = constantValue(valueTerm) !== undefined && rule.dynamic.every((t) => constantValue(t) !== undefined);
      this.inRuleFrame(rule, () =>
        this.evalBody(rule.body, 0, () =>
          this.evalList(rule.dynamic, 0, [], (keys) => {
            if (rule.head.kind === "contains")
              return this.evalTerm(valueTerm, (v) => {
                builder.addMember(keys, v, rule.loc);
                return once;
              });
            return this.evalTerm(valueTerm, (v) => {
              builder.addValue(keys, v, rule.loc);
              return once;
            });
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
  },

  /** A complete rule's (or function's) value: its body, then each else in order. */
  ruleBranches(this: Evaluator, rule: Rule): Value | undefined {
    const branches = branchesOf(rule);
    for (let n = 0; n < branches.length; n++) {
      const b = branches[n]!;
      const mark = this.boundSlots.length;
      const i = this.directSteps(b.body, 0);
      let result: Value | undefined;
      if (i >= 0) {
        // A body of one-outcome literals and a value with at most one have one solution: no
        // continuations to build, no conflict to look for (most function calls).
        const v = i === b.body.length && this.isDirect(b.value) ? this.direct(b.value) : NEEDS_SEARCH;
        result = v === NEEDS_SEARCH ? this.branchSearch(rule, b, i) : v;
      }
      this.unbindTo(mark);
      if (result !== undefined) return result;
    }
    return undefined;
  },

  /** A branch's value by the search, from its literal `i` on: every solution must give the same value. */
  branchSearch(this: Evaluator, rule: Rule, b: Branch, i: number): Value | undefined {
    // A constant value (`f(x) if { ... }` is true): whether the body has a solution, without a
    // continuation per call.
    if (b.constant !== undefined) return this.evalBody(b.body, i, SOLVED) ? b.constant : undefined;
    let result: Value | undefined;
    this.evalBody(b.body, i, () =>
      this.evalTerm(b.value, (v) => {
        if (result !== undefined && !equal(result, v)) {
          // OPA 1.x's wording (topdown/conflicts.go).
          const ref = ["data", ...rule.path].join(".");
          const message =
            rule.head.kind === "function"
              ? `function ${ref} produced conflicting values for the same inputs`
              : `rule ${ref} produced conflicting values`;
          throw new RegoError("eval_conflict_error", message, rule.loc);
        }
        result = v;
        return b.once;
      }),
    );
    return result;
  },

  defaultValue(this: Evaluator, rule: Rule): Value | undefined {
    return this.inRuleFrame(rule, () => {
      let out: Value | undefined;
      this.evalTerm(rule.head.value!, (v) => {
        out = v;
        return true;
      });
      return out;
    });
  },
};

/** A continuation that stops at the first solution. */
const SOLVED = (): boolean => true;

/** A complete rule's or function's body and its else branches, in order (worked out once per rule). */
function branchesOf(rule: Rule): Branch[] {
  const facts = ruleFacts(rule);
  let branches = facts[BRANCHES];
  if (!branches) {
    const all = [
      { value: rule.head.value ?? TRUE_TERM, body: rule.body },
      ...rule.elses.map((e) => ({ value: e.value ?? TRUE_TERM, body: e.body })),
    ];
    branches = all.map((b) => {
      const constant = constantValue(b.value);
      return { ...b, once: constant !== undefined, constant };
    });
    keep(facts, BRANCHES, branches);
  }
  return branches;
}
