/**
 * Recursion between rules is a compile error in Rego. A rule depends on the
 * rules its references into `data` can reach (and the functions it calls);
 * a cycle in that graph is reported as OPA does:
 * `rule data.x.p is recursive: data.x.p -> data.x.q -> data.x.p`.
 */
import type { Rule, Term } from "../ast.js";
import { RegoError } from "../errors.js";
import type { RuleTree, TreeNode } from "./tree.js";
import { walkRule, walkTerm } from "./visit.js";

export function checkRecursion(tree: RuleTree): RegoError[] {
  const nodes = [...tree.walk()].filter((n) => tree.hasRules(n));
  const deps = new Map<TreeNode, Set<TreeNode>>();
  for (const node of nodes) {
    const out = new Set<TreeNode>();
    for (const rule of rulesOf(node)) {
      for (const path of referencedPaths(rule)) for (const n of reachable(tree, path)) out.add(n);
    }
    deps.set(node, out);
  }
  const errors: RegoError[] = [];
  const state = new Map<TreeNode, 1 | 2>(); // 1: on the stack, 2: done
  const reported = new Set<TreeNode>();
  for (const start of nodes) {
    if (state.has(start)) continue;
    // Iterative DFS, so that long dependency chains cannot overflow the stack.
    const stack: { node: TreeNode; it: Iterator<TreeNode> }[] = [{ node: start, it: deps.get(start)!.values() }];
    const path: TreeNode[] = [start];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const step = top.it.next();
      if (step.done) {
        state.set(top.node, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const next = step.value;
      const s = state.get(next);
      if (s === 1) {
        const cycle = path.slice(path.indexOf(next));
        if (!cycle.some((n) => reported.has(n))) {
          for (const n of cycle) reported.add(n);
          const names = [...cycle, next].map((n) => n.name).join(" -> ");
          const rule = rulesOf(next)[0]!;
          errors.push(new RegoError("rego_recursion_error", `rule ${next.name} is recursive: ${names}`, rule.loc));
        }
        continue;
      }
      if (s === 2) continue;
      state.set(next, 1);
      path.push(next);
      stack.push({ node: next, it: deps.get(next)!.values() });
    }
  }
  return errors;
}

function rulesOf(node: TreeNode): Rule[] {
  return [
    ...node.complete,
    ...node.multi,
    ...node.dynamic,
    ...node.functions,
    ...node.dynamicDefaults,
    ...(node.defaultRule ? [node.defaultRule] : []),
  ];
}

/**
 * A reference's path below `data`, one segment per term: a name, ANY for a
 * term whose value is not known at compile time (`data[x].allow`), NONE for
 * a constant no rule can be named (a number).
 */
const ANY = null;
const NONE = 0;
type Segment = string | typeof ANY | typeof NONE;

/**
 * Nodes with rules a reference along `path` may read (OPA checks recursion
 * the same way, issue 7399): every rule whose path agrees with the
 * reference as far as both go. A rule above the reference's end may hold
 * it in its value (general ref heads), a rule below it is part of what it
 * reads; a rule elsewhere, such as `data.other.allow` for
 * `data[x].allow.see`, is not reached.
 */
function reachable(tree: RuleTree, path: readonly Segment[]): TreeNode[] {
  const out: TreeNode[] = [];
  const visit = (node: TreeNode, depth: number): void => {
    if (tree.hasRules(node)) out.push(node);
    if (depth === path.length) {
      for (const n of tree.walk(node)) if (n !== node && tree.hasRules(n)) out.push(n);
      return;
    }
    const seg = path[depth]!;
    if (seg === NONE) return;
    if (seg === ANY) {
      for (const child of node.children.values()) visit(child, depth + 1);
      return;
    }
    const child = node.children.get(seg);
    if (child) visit(child, depth + 1);
  };
  visit(tree.root, 0);
  return out;
}

function segment(t: Term): Segment {
  if (t.type !== "scalar") return ANY;
  return typeof t.value === "string" ? t.value : NONE;
}

/** The paths of the data references and function calls in a rule. */
function referencedPaths(rule: Rule): Segment[][] {
  const out: Segment[][] = [];
  const visit = (t: Term): boolean => {
    if (t.type === "root" && t.root === "data") out.push([]);
    if (t.type === "call" && t.target?.kind === "function") out.push(t.target.path);
    if (t.type === "ref" && t.head.type === "root") {
      if (t.head.root === "data") out.push(t.path.map(segment));
      // The path's terms may reference data too; the root is this reference's own.
      for (const seg of t.path) walkTerm(seg, visit);
      return false;
    }
    return true;
  };
  walkRule(rule, visit);
  return out;
}
