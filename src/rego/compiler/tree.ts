/**
 * The rule tree: every package and every rule head's static path, as one
 * tree mirroring `data`. Evaluation walks it beside the base documents, so
 * base and virtual documents are read (and iterated) the same way.
 */
import type { Module, Rule } from "../ast.js";
import { RegoError } from "../errors.js";

export interface TreeNode {
  id: number;
  /** Path under data. */
  path: string[];
  /** "data.a.b", for messages. */
  name: string;
  children: Map<string, TreeNode>;
  /** Complete rules whose head is exactly this path (`p := 1`, `a.b.c if ...`). */
  complete: Rule[];
  /** Multi-value rules with a ground head at this path (`p contains x`). */
  multi: Rule[];
  /** Rules whose head goes on past this path with non-constant terms (`p[x] := y`, `a.b[x].c contains y`). */
  dynamic: Rule[];
  functions: Rule[];
  defaultRule?: Rule;
  /** Defaults for constant keys below this node (`default p[true] := 1`). */
  dynamicDefaults: Rule[];
  /** Modules that declare this package. */
  modules: Module[];
}

export class RuleTree {
  readonly root: TreeNode;
  private nextId = 0;

  constructor() {
    this.root = this.newNode([]);
  }

  private newNode(path: string[]): TreeNode {
    return {
      id: this.nextId++,
      path,
      name: ["data", ...path].join("."),
      children: new Map(),
      complete: [],
      multi: [],
      dynamic: [],
      functions: [],
      dynamicDefaults: [],
      modules: [],
    };
  }

  ensure(path: readonly string[]): TreeNode {
    let node = this.root;
    for (const p of path) {
      let child = node.children.get(p);
      if (!child) node.children.set(p, (child = this.newNode([...node.path, p])));
      node = child;
    }
    return node;
  }

  get(path: readonly string[]): TreeNode | undefined {
    let node: TreeNode | undefined = this.root;
    for (const p of path) {
      node = node.children.get(p);
      if (!node) return undefined;
    }
    return node;
  }

  /** Every node below (and including) `node`. */
  *walk(node: TreeNode = this.root): IterableIterator<TreeNode> {
    const stack = [node];
    while (stack.length) {
      const n = stack.pop()!;
      yield n;
      for (const c of n.children.values()) stack.push(c);
    }
  }

  /** Adds a rule whose `path` and `dynamic` the compiler has set. */
  add(rule: Rule): void {
    const node = this.ensure(rule.path);
    if (rule.isDefault && rule.dynamic.length > 0) {
      node.dynamicDefaults.push(rule);
      return;
    }
    if (rule.isDefault) {
      if (node.defaultRule) {
        throw new RegoError("rego_type_error", `multiple default rules ${node.name} found`, rule.loc);
      }
      node.defaultRule = rule;
      return;
    }
    if (rule.head.kind === "function") node.functions.push(rule);
    else if (rule.dynamic.length > 0) node.dynamic.push(rule);
    else if (rule.head.kind === "contains") node.multi.push(rule);
    else node.complete.push(rule);
  }

  hasRules(node: TreeNode): boolean {
    return (
      node.complete.length +
        node.multi.length +
        node.dynamic.length +
        node.functions.length +
        node.dynamicDefaults.length >
        0 || node.defaultRule !== undefined
    );
  }

  /** OPA's compile-time conflicts: one kind of rule per path, functions of one arity, no rule above another. */
  checkConflicts(): RegoError[] {
    const errors: RegoError[] = [];
    for (const node of this.walk()) {
      if (!this.hasRules(node)) continue;
      const kinds = [node.complete.length > 0, node.multi.length > 0, node.functions.length > 0].filter(Boolean).length;
      const first = node.complete[0] ?? node.multi[0] ?? node.functions[0] ?? node.dynamic[0] ?? node.defaultRule!;
      if (kinds > 1) {
        errors.push(new RegoError("rego_type_error", `conflicting rules ${node.name} found`, first.loc));
        continue;
      }
      if (node.functions.length > 0) {
        const arity = node.functions[0]!.head.args!.length;
        for (const f of node.functions) {
          if (f.head.args!.length !== arity) {
            errors.push(new RegoError("rego_type_error", `conflicting rules ${node.name} found`, f.loc));
            break;
          }
        }
        const d = node.defaultRule;
        if (d && (d.head.kind !== "function" || d.head.args!.length !== arity)) {
          errors.push(new RegoError("rego_type_error", `conflicting rules ${node.name} found`, d.loc));
        }
      } else if (
        node.defaultRule &&
        (node.multi.length ||
          node.dynamic.length ||
          (node.defaultRule.head.kind === "function" && node.complete.length))
      ) {
        // A default is a complete value: it cannot stand beside multi-value rules.
        errors.push(new RegoError("rego_type_error", `conflicting rules ${node.name} found`, node.defaultRule.loc));
      }
      const single = node.complete.length > 0 || node.multi.length > 0 || node.functions.length > 0;
      if (single && (node.children.size > 0 || node.dynamic.length > 0 || node.dynamicDefaults.length > 0)) {
        const below = [...this.walk(node)].filter((n) => n !== node && this.hasRules(n)).map((n) => n.name);
        if (below.length > 0 || node.dynamic.length > 0) {
          errors.push(
            new RegoError(
              "rego_type_error",
              `rule ${node.name} conflicts with [${below.length ? below.join(" ") : node.name}]`,
              first.loc,
            ),
          );
        }
      }
    }
    return errors;
  }
}
