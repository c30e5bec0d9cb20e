import { isObject, objectGet, type Value } from "../value.js";
import { BUILTINS } from "../builtins/index.js";
import type { Body, Literal, Module, Rule, RuleKind, Term } from "./ast.js";
import { varsIn } from "./eval.js";
import { reorderBody } from "./order.js";

/**
 * Modules assembled into one `data` tree: packages hold rules and
 * sub-packages, beside the base documents. Compile-time checks as OPA makes
 * them where they matter for policies: rules of one name must be of one
 * kind, and calls must name a builtin or a function that exists (so a
 * builtin planguard lacks, such as http.send, is an error, never a silent
 * undefined).
 */
export interface RuleGroup {
  id: string;
  name: string;
  kind: RuleKind;
  rules: Rule[];
  defaultRule?: Rule;
  module: Module;
}

export interface PkgNode {
  children: Map<string, PkgNode>;
  rules: Map<string, RuleGroup>;
  base?: Value;
  /** Modules that declare this package. */
  modules: Module[];
}

export class RegoCompileError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly file: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
  }
}

const SPECIAL_CALLS = new Set(["print", "internal.member_2"]);

export class Compiled {
  readonly root: PkgNode = newNode();

  constructor(readonly modules: Module[]) {
    for (const m of modules) this.addModule(m);
    for (const m of modules) this.check(m);
    for (const m of modules) this.prepare(m);
  }

  /** Reorders bodies for safety and rejects `:=` redeclarations, as OPA's compiler does. */
  private prepare(m: Module): void {
    const isGlobal = (name: string) =>
      name === "input" || name === "data" || m.imports.some((i) => i.alias === name) || this.nodeAt([...m.pkg, name]) !== undefined || this.groupAt([...m.pkg, name]) !== undefined;
    const fixBody = (body: Body, outer: Set<string>): Body => {
      const declared = new Set<string>(outer);
      for (const lit of body) {
        if (lit.kind === "assign") {
          for (const v of varsIn(lit.left)) {
            if (declared.has(v)) throw new RegoCompileError("rego_compile_error", `var ${v} assigned above`, m.file, lit.loc.line, lit.loc.col);
            declared.add(v);
          }
        }
      }
      const scope = new Set([...outer, ...body.flatMap((l) => literalVars(l))]);
      for (const lit of body) fixNested(lit, scope);
      return reorderBody(body, (v) => isGlobal(v) || outer.has(v));
    };
    const fixTerm = (t: Term, scope: Set<string>): void => {
      switch (t.t) {
        case "arraycomp":
        case "setcomp":
          t.body = fixBody(t.body, new Set(scope));
          return;
        case "objcomp":
          t.body = fixBody(t.body, new Set(scope));
          return;
        case "call":
          t.args.forEach((a) => fixTerm(a, scope));
          return;
        case "ref":
          fixTerm(t.head, scope);
          t.path.forEach((p) => fixTerm(p, scope));
          return;
        case "array":
        case "set":
          t.items.forEach((x) => fixTerm(x, scope));
          return;
        case "object":
          t.entries.forEach(([k, v]) => {
            fixTerm(k, scope);
            fixTerm(v, scope);
          });
          return;
        default:
          return;
      }
    };
    const fixNested = (lit: Literal, scope: Set<string>): void => {
      switch (lit.kind) {
        case "expr":
          fixTerm(lit.term, scope);
          break;
        case "unify":
        case "assign":
          fixTerm(lit.left, scope);
          fixTerm(lit.right, scope);
          break;
        case "somein":
          fixTerm(lit.collection, scope);
          break;
        case "every": {
          const inner = new Set([...scope, ...(lit.key ? varsIn(lit.key) : []), ...varsIn(lit.value)]);
          lit.body = fixBody(lit.body, inner);
          break;
        }
        default:
          break;
      }
    };
    for (const r of m.rules) {
      const params = new Set((r.args ?? []).flatMap((a) => varsIn(a)));
      r.body = fixBody(r.body, params);
      for (const e of r.elses) e.body = fixBody(e.body, params);
    }
  }

  withBase(data: Value | undefined): Compiled {
    const copy = Object.create(Compiled.prototype) as Compiled;
    Object.assign(copy, { modules: this.modules, root: attachBase(this.root, data) });
    return copy;
  }

  nodeAt(path: string[]): PkgNode | undefined {
    let node: PkgNode | undefined = this.root;
    for (const p of path) {
      node = node?.children.get(p);
      if (!node) return undefined;
    }
    return node;
  }

  groupAt(path: string[]): RuleGroup | undefined {
    if (path.length === 0) return undefined;
    return this.nodeAt(path.slice(0, -1))?.rules.get(path[path.length - 1]!);
  }

  private addModule(m: Module): void {
    const pkgNode = this.ensure(m.pkg);
    pkgNode.modules.push(m);
    for (const r of m.rules) {
      const node = this.ensure([...m.pkg, ...r.path.slice(0, -1)]);
      const name = r.path[r.path.length - 1]!;
      let group = node.rules.get(name);
      const kind = r.isDefault ? (group?.kind ?? "complete") : r.kind;
      if (!group) {
        group = { id: [...m.pkg, ...r.path].join("."), name: [...m.pkg, ...r.path].join("."), kind, rules: [], module: m };
        node.rules.set(name, group);
      } else if (!r.isDefault && group.rules.length > 0 && group.kind !== r.kind) {
        throw new RegoCompileError("rego_type_error", `conflicting rules ${group.name} found`, m.file, r.loc.line, r.loc.col);
      } else if (!r.isDefault && group.rules.length === 0) {
        group.kind = r.kind;
      }
      if (r.isDefault) {
        if (group.defaultRule) throw new RegoCompileError("rego_type_error", `multiple default rules ${group.name} found`, m.file, r.loc.line, r.loc.col);
        group.defaultRule = r;
      } else {
        group.rules.push(r);
      }
    }
  }

  private ensure(path: string[]): PkgNode {
    let node = this.root;
    for (const p of path) {
      let child = node.children.get(p);
      if (!child) node.children.set(p, (child = newNode()));
      node = child;
    }
    return node;
  }

  /** Every call must name something that exists. */
  private check(m: Module): void {
    // Only a call standing as a whole expression may pass an output argument: `count(x, n)`.
    const checkTerm = (t: Term, statement = false): void => {
      switch (t.t) {
        case "call": {
          const name = t.name.join(".");
          const user = !t.operator && this.resolvesToFunction(m, t.name);
          const builtin = BUILTINS.get(name);
          if (!SPECIAL_CALLS.has(name) && !builtin && !user) {
            throw new RegoCompileError("rego_type_error", `undefined function ${name}`, m.file, t.loc.line, t.loc.col);
          }
          if (!user && builtin && t.args.length > builtin.arity + (statement ? 1 : 0)) {
            throw new RegoCompileError("rego_type_error", `${name}: too many arguments (takes ${builtin.arity})`, m.file, t.loc.line, t.loc.col);
          }
          if (!user && builtin && t.args.length < builtin.arity) {
            throw new RegoCompileError("rego_type_error", `${name}: too few arguments (takes ${builtin.arity})`, m.file, t.loc.line, t.loc.col);
          }
          t.args.forEach((a) => checkTerm(a));
          return;
        }
        case "ref":
          checkTerm(t.head);
          t.path.forEach((p) => checkTerm(p));
          return;
        case "array":
        case "set":
          t.items.forEach((x) => checkTerm(x));
          return;
        case "object":
          for (const [k, v] of t.entries) {
            checkTerm(k);
            checkTerm(v);
          }
          return;
        case "arraycomp":
        case "setcomp":
          checkTerm(t.term);
          checkBody(t.body);
          return;
        case "objcomp":
          checkTerm(t.key);
          checkTerm(t.value);
          checkBody(t.body);
          return;
        default:
          return;
      }
    };
    const checkLiteral = (l: Literal): void => {
      switch (l.kind) {
        case "expr":
          checkTerm(l.term, true);
          break;
        case "unify":
        case "assign":
          checkTerm(l.left);
          checkTerm(l.right);
          break;
        case "somein":
          checkTerm(l.collection);
          break;
        case "every":
          checkTerm(l.collection);
          checkBody(l.body);
          break;
        default:
          break;
      }
      if ("withs" in l) for (const w of l.withs) checkTerm(w.value);
    };
    const checkBody = (b: Body): void => b.forEach(checkLiteral);
    for (const r of m.rules) {
      checkBody(r.body);
      for (const e of r.elses) {
        checkBody(e.body);
        if (e.value) checkTerm(e.value);
      }
      if (r.value) checkTerm(r.value);
      if (r.key) checkTerm(r.key);
    }
  }

  private resolvesToFunction(m: Module, name: string[]): boolean {
    const candidates: string[][] = [];
    if (name[0] === "data") candidates.push(name.slice(1));
    const imp = m.imports.find((i) => i.alias === name[0]);
    if (imp && imp.path[0] === "data") candidates.push([...imp.path.slice(1), ...name.slice(1)]);
    candidates.push([...m.pkg, ...name]);
    return candidates.some((c) => this.groupAt(c)?.kind === "function");
  }
}

function newNode(): PkgNode {
  return { children: new Map(), rules: new Map(), modules: [] };
}

/** A copy of the package tree with base documents attached at every level. */
function attachBase(node: PkgNode, base: Value | undefined): PkgNode {
  const copy: PkgNode = { children: new Map(), rules: node.rules, modules: node.modules };
  if (base !== undefined) copy.base = base;
  for (const [k, child] of node.children) {
    const sub = base !== undefined && isObject(base) ? objectGet(base, k) : undefined;
    copy.children.set(k, attachBase(child, sub));
  }
  return copy;
}

/** Variables a literal mentions. */
function literalVars(lit: Literal): string[] {
  switch (lit.kind) {
    case "some":
      return lit.vars;
    case "expr":
      return varsIn(lit.term);
    case "unify":
    case "assign":
      return [...varsIn(lit.left), ...varsIn(lit.right)];
    case "somein":
      return [...(lit.key ? varsIn(lit.key) : []), ...varsIn(lit.value), ...varsIn(lit.collection)];
    case "every":
      return varsIn(lit.collection);
  }
}
