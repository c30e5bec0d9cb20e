/**
 * Name resolution, as OPA's compiler does it before evaluation:
 *   - every local variable gets a slot in its rule's frame; `some` and `:=`
 *     declare new ones (shadowing outer ones), other variables are declared
 *     by their first use in the body, and comprehensions and `every` bodies
 *     see the variables of the body around them;
 *   - a name that is not local refers to a global document: `input`, `data`,
 *     an import alias, or a rule of the module's package (rewritten to a
 *     reference from the root);
 *   - calls are bound to a builtin or a user function, or fail to compile
 *     ("undefined function http.send").
 * Also here: `:=` redeclarations, assignment to non-variables, `with`
 * targets, and v1's ban on shadowing `input` and `data`.
 */
import {
  directSubterms,
  type Body,
  type CallTarget,
  type Literal,
  type Module,
  type Rule,
  type Term,
  type With,
} from "../ast.js";
import { RegoError } from "../errors.js";
import { memberShapeMismatch, shapeMismatch, someInScalarMismatch } from "./shapes.js";
import { hoistWithValues } from "./with-values.js";
import type { RuleTree } from "./tree.js";
import { typeName } from "../value.js";

/** What a name may be besides a local: a builtin (by name) with its arity. */
export interface BuiltinArity {
  arity(name: string): number | undefined;
}

/** Calls the evaluator implements itself, with their arity (-1: any). */
const SPECIAL_CALLS: ReadonlyMap<string, number> = new Map([
  ["print", -1],
  ["internal.member_2", 2],
  ["internal.member_3", 3],
  ["rego.metadata.rule", 0],
  ["rego.metadata.chain", 0],
  ["internal.print", 1],
]);

/** Builtins OPA removed from v1 (still callable in v0 modules when provided). */
const V1_REMOVED = new Set([
  "any",
  "all",
  "re_match",
  "set_diff",
  "cast_array",
  "cast_set",
  "cast_string",
  "cast_boolean",
  "cast_null",
  "cast_object",
  "net.cidr_overlap",
]);

export type WithTarget =
  | { kind: "input"; path: string[] }
  | { kind: "data"; path: string[] }
  | { kind: "mock"; key: string; arity: number; replacement: CallTarget | undefined };

export interface CompiledWith extends With {
  compiled: WithTarget;
}

class Scope {
  readonly vars = new Map<string, number>();
  /** Names declared (some / := / some-in / every) anywhere in this body, found before resolving it. */
  declaredLater = new Set<string>();
  readonly used = new Set<string>();
  constructor(readonly parent: Scope | undefined) {}

  lookup(name: string): number | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const slot = s.vars.get(name);
      if (slot !== undefined) return slot;
    }
    return undefined;
  }
}

/** Slots that each closure body (comprehension, every) owns, for the safety check. */
export type OwnSlots = Map<Body, Set<number>>;

export class Resolver {
  private slotNames: string[] = [];
  /** Variables made for `with` values moved into the body (see with-values.ts). */
  private hoisted = 0;
  private errors: RegoError[] = [];
  private readonly aliases = new Map<string, string[]>();
  /** Slots allocated per body scope (deep: includes nested closures). */
  readonly ownSlots: OwnSlots = new Map();
  private bodyStack: Set<number>[] = [];
  /** Slots declared by plain `some x`, and every slot a term reads (for unused declarations). */
  private readonly someDeclared = new Map<number, Term["loc"]>();
  private readonly usedSlots = new Set<number>();
  /** The call that is a literal's whole expression (it may take an output argument). */
  private topCall: Term | undefined;

  constructor(
    private readonly module: Module | undefined,
    private readonly packageRoots: ReadonlySet<string>,
    private readonly tree: RuleTree,
    private readonly builtins: BuiltinArity,
    private readonly v1: boolean,
  ) {
    for (const imp of module?.imports ?? []) {
      if (imp.path[0] === "data" || imp.path[0] === "input") this.aliases.set(imp.alias, imp.path);
    }
  }

  problems(): RegoError[] {
    return this.errors;
  }

  private error(code: string, message: string, loc: Term["loc"]): void {
    this.errors.push(new RegoError(code, message, loc));
  }

  private alloc(scope: Scope, name: string): number {
    const slot = this.slotNames.length;
    this.slotNames.push(name);
    scope.vars.set(name, slot);
    for (const own of this.bodyStack) own.add(slot);
    return slot;
  }

  // -- rules ----------------------------------------------------------------
  /** Resolves a rule in place: bodies, head terms, else branches; sets its frame size. */
  resolveRule(rule: Rule): void {
    this.slotNames = [];
    this.someDeclared.clear();
    this.usedSlots.clear();
    const top = new Scope(undefined);
    const args = rule.head.args?.map((a) => this.declarePattern(a, top, true)) ?? [];
    if (rule.head.args) rule.head.args = args;
    const headScope = this.resolveBranchBody(rule.body, top, (b) => (rule.body = b));
    this.resolveHead(rule, headScope);
    for (const branch of rule.elses) {
      const scope = this.resolveBranchBody(branch.body, top, (b) => (branch.body = b));
      if (branch.value) branch.value = this.term(branch.value, scope);
    }
    rule.slots = this.slotNames.length;
    rule.slotNames = this.slotNames;
    this.reportUnusedDeclarations();
  }

  /** `some x` with no use of x is an error in OPA ("declared var x unused"). */
  private reportUnusedDeclarations(): void {
    for (const [slot, loc] of this.someDeclared) {
      if (!this.usedSlots.has(slot))
        this.error("rego_compile_error", `declared var ${this.slotNames[slot]} unused`, loc);
    }
  }

  private resolveBranchBody(body: Body, parent: Scope, set: (b: Body) => void): Scope {
    const scope = new Scope(parent);
    set(this.body(body, scope));
    return scope;
  }

  private resolveHead(rule: Rule, scope: Scope): void {
    const h = rule.head;
    h.ref = h.ref.map((t, i) => (i === 0 ? t : this.term(t, scope)));
    if (h.key) h.key = this.term(h.key, scope);
    if (h.value) h.value = this.term(h.value, scope);
  }

  /** Resolves a query (a body with no package around it). */
  resolveQuery(body: Body): { body: Body; slots: number; slotNames: string[] } {
    this.slotNames = [];
    this.someDeclared.clear();
    this.usedSlots.clear();
    const out = this.body(body, new Scope(undefined));
    this.reportUnusedDeclarations();
    return { body: out, slots: this.slotNames.length, slotNames: this.slotNames };
  }

  // -- bodies ---------------------------------------------------------------
  private body(parsed: Body, scope: Scope): Body {
    const own = new Set<number>();
    this.bodyStack.push(own);
    try {
      const body = hoistWithValues(parsed, () => `$w${this.hoisted++}`);
      scope.declaredLater = declaredNames(body);
      // Variables this body introduces by using them are its own, even when a
      // comprehension written before their first use reads them.
      for (const name of usedNames(body)) {
        if (name === "_" || scope.declaredLater.has(name) || scope.lookup(name) !== undefined) continue;
        if (
          name === "input" ||
          name === "data" ||
          this.aliases.has(name) ||
          (this.module && this.packageRoots.has(name))
        )
          continue;
        this.alloc(scope, name);
      }
      const out: Body = [];
      for (const lit of body) {
        const r = this.literal(lit, scope);
        if (r) out.push(r);
      }
      this.ownSlots.set(out, own);
      return out;
    } finally {
      this.bodyStack.pop();
    }
  }

  private literal(lit: Literal, scope: Scope): Literal | undefined {
    const withs = lit.withs.map((w) => this.withModifier(w, scope));
    const e = lit.expr;
    let expr: Literal["expr"];
    switch (e.kind) {
      case "some":
        for (const v of e.vars) {
          const slot = this.declare((v as { name: string }).name, scope, v.loc, "some");
          this.someDeclared.set(slot, v.loc);
        }
        // A declaration only; nothing to evaluate.
        return undefined;
      case "term":
        this.topCall = e.term;
        expr = { kind: "term", term: this.term(e.term, scope) };
        this.topCall = undefined;
        break;
      case "unify": {
        expr = { kind: "unify", left: this.term(e.left, scope), right: this.term(e.right, scope) };
        const bad = shapeMismatch(e.left, e.right);
        if (bad) this.error("rego_type_error", `match error: ${bad}`, lit.loc);
        break;
      }
      case "assign": {
        const right = this.term(e.right, scope);
        if (!isAssignable(e.left)) {
          this.error("rego_compile_error", "cannot assign to " + describeTerm(e.left), e.left.loc);
          return undefined;
        }
        expr = { kind: "assign", left: this.declarePattern(e.left, scope, false, ":="), right };
        const bad = shapeMismatch(e.left, e.right);
        if (bad) this.error("rego_type_error", `match error: ${bad}`, lit.loc);
        break;
      }
      case "somein": {
        const collection = this.term(e.collection, scope);
        const bad =
          someInScalarMismatch(e.value, e.collection) ??
          (e.key ? undefined : memberShapeMismatch(e.value, e.collection));
        if (bad) this.error("rego_type_error", `match error: ${bad}`, lit.loc);
        const key = e.key ? this.declarePattern(e.key, scope, true, "some") : undefined;
        const value = this.declarePattern(e.value, scope, true, "some");
        expr = key ? { kind: "somein", key, value, collection } : { kind: "somein", value, collection };
        break;
      }
      case "every": {
        const domain = this.term(e.domain, scope);
        const inner = new Scope(scope);
        const own = new Set<number>();
        this.bodyStack.push(own);
        let key: Term | undefined;
        let value: Term;
        let body: Body;
        try {
          key = e.key ? this.declarePattern(e.key, inner, true, "some") : undefined;
          value = this.declarePattern(e.value, inner, true, "some");
          body = this.body(e.body, new Scope(inner));
        } finally {
          this.bodyStack.pop();
        }
        for (const s of own) this.ownSlots.get(body)!.add(s);
        expr = key ? { kind: "every", key, value, domain, body } : { kind: "every", value, domain, body };
        break;
      }
    }
    const out: Literal = { expr, negated: lit.negated, withs, loc: lit.loc };
    if (lit.index !== undefined) out.index = lit.index;
    return out;
  }

  /** Declares the variables of a pattern (`:=` left side, `some` patterns, function args). */
  private declarePattern(t: Term, scope: Scope, allowValues: boolean, how: "some" | ":=" | "arg" = "arg"): Term {
    switch (t.type) {
      case "var":
        if (t.name === "_") return { ...t, slot: this.alloc(scope, "_") };
        return { ...t, slot: this.declare(t.name, scope, t.loc, how) };
      case "array":
        return { ...t, items: t.items.map((x) => this.declarePattern(x, scope, allowValues, how)) };
      case "object":
        return {
          ...t,
          entries: t.entries.map(
            ([k, v]) => [this.term(k, scope), this.declarePattern(v, scope, allowValues, how)] as [Term, Term],
          ),
        };
      default:
        // Constants and references inside patterns are matched, not declared.
        return this.term(t, scope);
    }
  }

  private declare(name: string, scope: Scope, loc: Term["loc"], how: "some" | ":=" | "arg"): number {
    if (this.v1 && (name === "input" || name === "data")) {
      this.error("rego_compile_error", `variables must not shadow ${name} (use a different variable name)`, loc);
    }
    if (how === "arg" && scope.vars.has(name)) return scope.vars.get(name)!;
    if (how === ":=" && scope.parent && !scope.parent.parent && scope.parent.vars.has(name)) {
      // Function arguments are declared in the scope around the rule's body: `:=` there may
      // not redeclare them. A comprehension is a scope of its own, whose `:=` may shadow
      // them (OPA: `{x: i | x := xs[i]}` in f(x)).
      this.error("rego_compile_error", `var ${name} assigned above`, loc);
    }
    if (how !== "arg" && scope.vars.has(name)) {
      this.error("rego_compile_error", `var ${name} ${how === ":=" ? "assigned" : "declared"} above`, loc);
      return scope.vars.get(name)!;
    }
    if (how !== "arg" && scope.used.has(name)) {
      this.error("rego_compile_error", `var ${name} referenced above`, loc);
    }
    return this.alloc(scope, name);
  }

  // -- terms ----------------------------------------------------------------
  term(t: Term, scope: Scope): Term {
    switch (t.type) {
      case "scalar":
      case "root":
        return t;
      case "var":
        return this.varTerm(t, scope);
      case "ref": {
        const path = t.path.map((p) => this.term(p, scope));
        const head = t.head.type === "var" ? this.varTerm(t.head, scope) : this.term(t.head, scope);
        if (head.type === "ref") return { type: "ref", head: head.head, path: [...head.path, ...path], loc: t.loc };
        return { type: "ref", head, path, loc: t.loc };
      }
      case "array":
        return { ...t, items: t.items.map((x) => this.term(x, scope)) };
      case "set":
        return { ...t, items: t.items.map((x) => this.term(x, scope)) };
      case "object":
        return { ...t, entries: t.entries.map(([k, v]) => [this.term(k, scope), this.term(v, scope)] as [Term, Term]) };
      case "call":
        return this.call(t, scope);
      case "arraycomp":
      case "setcomp": {
        const inner = new Scope(scope);
        const body = this.body(t.body, inner);
        const term = this.closureHead(t.term, inner, body);
        return { ...t, body, term };
      }
      case "objcomp": {
        const inner = new Scope(scope);
        const body = this.body(t.body, inner);
        return { ...t, body, key: this.closureHead(t.key, inner, body), value: this.closureHead(t.value, inner, body) };
      }
    }
  }

  /** A comprehension's head; variables first seen there still belong to the comprehension. */
  private closureHead(t: Term, scope: Scope, body: Body): Term {
    this.bodyStack.push(this.ownSlots.get(body)!);
    try {
      return this.term(t, scope);
    } finally {
      this.bodyStack.pop();
    }
  }

  private varTerm(t: Term & { type: "var" }, scope: Scope): Term {
    if (t.name === "_") return { ...t, slot: this.alloc(scope, "_") };
    const local = scope.lookup(t.name);
    if (local !== undefined) {
      scope.used.add(t.name);
      this.usedSlots.add(local);
      return { ...t, slot: local };
    }
    // Declared further down this body: using it first is an error, as in OPA.
    if (scope.declaredLater.has(t.name)) {
      scope.used.add(t.name);
      const slot = this.slotNames.length;
      this.slotNames.push(t.name);
      return { ...t, slot };
    }
    const global = this.global(t.name, t.loc);
    if (global) return global;
    scope.used.add(t.name);
    return { ...t, slot: this.alloc(scope, t.name) };
  }

  /** A global name as a reference from its root, or undefined when the name is local. */
  private global(name: string, loc: Term["loc"]): Term | undefined {
    if (name === "input" || name === "data") return { type: "root", root: name, loc };
    const alias = this.aliases.get(name);
    if (alias) return refFrom(alias, loc);
    if (this.module && this.packageRoots.has(name)) return refFrom(["data", ...this.module.pkg, name], loc);
    return undefined;
  }

  private call(t: Term & { type: "call" }, scope: Scope): Term {
    // Only a call that is a whole expression may pass its output as one more argument.
    const outputAllowed = t === this.topCall;
    const args = t.args.map((a) => this.term(a, scope));
    const target = t.target ?? this.callTarget(t.name, t.loc);
    if (!target) return { ...t, args };
    const arity = this.arityOf(target);
    if (arity !== undefined && arity >= 0 && args.length !== arity && !(outputAllowed && args.length === arity + 1)) {
      this.error(
        "rego_type_error",
        `${t.name}: arity mismatch\n\thave: ${args.length} argument${args.length === 1 ? "" : "s"}\n\twant: ${arity} argument${arity === 1 ? "" : "s"}`,
        t.loc,
      );
    }
    return { ...t, args, target };
  }

  arityOf(target: CallTarget): number | undefined {
    switch (target.kind) {
      case "builtin":
        return this.builtins.arity(target.name);
      case "special":
        return SPECIAL_CALLS.get(target.name);
      case "function":
        return (
          this.tree.get(target.path)?.functions[0]?.head.args?.length ??
          this.tree.get(target.path)?.defaultRule?.head.args?.length
        );
    }
  }

  /** What a call name refers to; records an error when it refers to nothing. */
  callTarget(name: string, loc: Term["loc"], report = true): CallTarget | undefined {
    const parts = name.split(".");
    let abs: string[] | undefined;
    const alias = this.aliases.get(parts[0]!);
    if (alias) abs = [...alias, ...parts.slice(1)];
    else if (parts[0] === "data") abs = parts;
    else if (this.module && this.packageRoots.has(parts[0]!)) abs = ["data", ...this.module.pkg, ...parts];
    if (abs && abs[0] === "data") {
      const node = this.tree.get(abs.slice(1));
      if (node && (node.functions.length > 0 || node.defaultRule?.head.kind === "function"))
        return { kind: "function", path: abs.slice(1) };
      if (report) this.error("rego_type_error", `undefined function ${abs.join(".")}`, loc);
      return undefined;
    }
    if (SPECIAL_CALLS.has(name)) return { kind: "special", name };
    if (!(this.v1 && V1_REMOVED.has(name)) && this.builtins.arity(name) !== undefined) return { kind: "builtin", name };
    if (report) this.error("rego_type_error", `undefined function ${name}`, loc);
    return undefined;
  }

  // -- with -----------------------------------------------------------------
  private withModifier(w: With, scope: Scope): CompiledWith {
    // `with f as g` naming a function or builtin: calls go to g, and `g` is no variable to bind.
    const fn = this.functionReplacement(w.value, scope);
    const target = this.withTarget(w.target, fn);
    // Only a function or builtin target takes a function; `with input.x as count` reads a variable.
    const replaces = fn !== undefined && target?.kind === "mock";
    const value: Term = replaces ? { type: "scalar", value: mockKey(fn), loc: w.value.loc } : this.term(w.value, scope);
    return { target: w.target, value, loc: w.loc, compiled: target ?? { kind: "input", path: [] } };
  }

  /** The function or builtin a `with` value names (`count`, `object.union_n`, `data.x.f`), unless a local variable is meant. */
  private functionReplacement(value: Term, scope: Scope): CallTarget | undefined {
    const parts = plainName(value);
    if (!parts || scope.lookup(parts[0]!) !== undefined || scope.declaredLater.has(parts[0]!)) return undefined;
    const target = this.callTarget(parts.join("."), value.loc, false);
    return target && target.kind !== "special" ? target : undefined;
  }

  private withTarget(t: Term, replacement: CallTarget | undefined): WithTarget | undefined {
    const parts = plainName(t);
    if (!parts) {
      this.error("rego_compile_error", "with keyword target must reference existing input, data, or a function", t.loc);
      return undefined;
    }
    let abs: string[] | undefined;
    const alias = this.aliases.get(parts[0]!);
    if (parts[0] === "input" || parts[0] === "data") abs = parts;
    else if (alias) abs = [...alias, ...parts.slice(1)];
    else if (this.module && this.packageRoots.has(parts[0]!)) abs = ["data", ...this.module.pkg, ...parts];
    if (abs?.[0] === "input") return { kind: "input", path: abs.slice(1) };
    if (abs?.[0] === "data") {
      const node = this.tree.get(abs.slice(1));
      if (node && (node.functions.length > 0 || node.defaultRule?.head.kind === "function")) {
        const target: CallTarget = { kind: "function", path: abs.slice(1) };
        return { kind: "mock", key: mockKey(target), arity: this.arityOf(target) ?? 0, replacement };
      }
      return { kind: "data", path: abs.slice(1) };
    }
    const name = parts.join(".");
    const target = this.callTarget(name, t.loc, false);
    if (!target || target.kind === "special") {
      this.error("rego_compile_error", `with keyword target must reference existing input, data, or a function`, t.loc);
      return undefined;
    }
    return { kind: "mock", key: mockKey(target), arity: this.arityOf(target) ?? 0, replacement };
  }
}

/** The key under which a `with` mock replaces a call target. */
export function mockKey(target: CallTarget): string {
  return target.kind === "function" ? `data.${target.path.join(".")}` : target.name;
}

function refFrom(path: string[], loc: Term["loc"]): Term {
  const head: Term = { type: "root", root: path[0] as "data" | "input", loc };
  if (path.length === 1) return head;
  return { type: "ref", head, path: path.slice(1).map((p) => ({ type: "scalar", value: p, loc })), loc };
}

/** `a.b.c` (or a var) as names, when it is only that. */
function plainName(t: Term): string[] | undefined {
  if (t.type === "var") return [t.name];
  if (t.type === "root") return [t.root];
  if (
    t.type === "ref" &&
    (t.head.type === "var" || t.head.type === "root") &&
    t.path.every((p) => p.type === "scalar" && typeof p.value === "string")
  ) {
    const head = t.head.type === "var" ? t.head.name : t.head.root;
    return [head, ...t.path.map((p) => (p as { value: string }).value)];
  }
  return undefined;
}

/** The names a body declares itself (some, :=, some-in), without looking into closures. */
function declaredNames(body: Body): Set<string> {
  const out = new Set<string>();
  const patternVars = (t: Term): void => {
    if (t.type === "var") out.add(t.name);
    else if (t.type === "array") for (const x of t.items) patternVars(x);
    else if (t.type === "object") for (const [, v] of t.entries) patternVars(v);
  };
  for (const lit of body) {
    const e = lit.expr;
    if (e.kind === "some") e.vars.forEach(patternVars);
    else if (e.kind === "assign") patternVars(e.left);
    else if (e.kind === "somein") {
      if (e.key) patternVars(e.key);
      patternVars(e.value);
    }
  }
  out.delete("_");
  return out;
}

/** Names of variables a body uses outside its closures (not call names or with targets). */
function usedNames(body: Body): Set<string> {
  const out = new Set<string>();
  const visit = (t: Term): void => {
    if (t.type === "var") out.add(t.name);
    else directSubterms(t).forEach(visit);
  };
  for (const lit of body) {
    const e = lit.expr;
    if (e.kind === "term") visit(e.term);
    else if (e.kind === "unify") {
      visit(e.left);
      visit(e.right);
    } else if (e.kind === "assign") visit(e.right);
    else if (e.kind === "somein" || e.kind === "every") visit(e.kind === "somein" ? e.collection : e.domain);
    // A plain name as a `with` value may name a function (`with count as mock`): it makes no
    // variable of its own; if it is one after all, the literal declares it where it is resolved.
    for (const w of lit.withs) if (!plainName(w.value)) visit(w.value);
  }
  return out;
}

/** `:=` needs variables on its left: a var, or an array/object pattern with at least one. */
function isAssignable(t: Term): boolean {
  const hasVar = (x: Term): boolean => {
    if (x.type === "var") return true;
    if (x.type === "array") return x.items.some(hasVar);
    if (x.type === "object") return x.entries.some(([, v]) => hasVar(v));
    return false;
  };
  const onlyPattern = (x: Term): boolean => {
    if (x.type === "var" || x.type === "scalar") return true;
    if (x.type === "array") return x.items.every(onlyPattern);
    if (x.type === "object") return x.entries.every(([k, v]) => k.type === "scalar" && onlyPattern(v));
    return false;
  };
  return hasVar(t) && onlyPattern(t);
}

function describeTerm(t: Term): string {
  switch (t.type) {
    case "scalar":
      return typeName(t.value);
    case "ref":
      return "ref";
    case "call":
      return "call";
    default:
      return t.type;
  }
}
