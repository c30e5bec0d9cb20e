import { BUILTINS, BuiltinError } from "../builtins/index.js";
import {
  canonicalKey,
  equal,
  formatValue,
  isObject,
  isSet,
  makeObject,
  objectEntries,
  objectGet,
  RegoSet,
  type ObjectValue,
  type Value,
} from "../value.js";
import type { Body, Literal, Loc, Rule, Term } from "./ast.js";
import type { Compiled, PkgNode, RuleGroup } from "./compile.js";

/**
 * The evaluator: a backtracking search over bodies, written with generators.
 * Each generator yields the variable bindings under which a literal (or a
 * term's value) holds; a body holds for each way all its literals hold.
 *
 * Rule values are computed once per evaluation context and cached; a `with`
 * starts a new context (its own input, data overrides and function mocks),
 * so cached values never leak across them.
 */
export class RegoEvalError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly loc?: Loc,
  ) {
    super(message);
  }
}

/** Bindings: a linked list, cheap to extend while backtracking. */
interface Env {
  name: string;
  value: Value | typeof UNBOUND;
  parent: Env | null;
}

const UNBOUND = Symbol("unbound");

function lookup(env: Env | null, name: string): Value | typeof UNBOUND | undefined {
  for (let e = env; e; e = e.parent) if (e.name === name) return e.value;
  return undefined;
}

function bind(env: Env | null, name: string, value: Value | typeof UNBOUND): Env {
  return { name, value, parent: env };
}

export interface EvalOptions {
  input?: Value;
  strict: boolean;
  deadline: number;
  maxDepth: number;
  print?: (line: string) => void;
  nowNs: bigint;
}

interface Context {
  input: Value | undefined;
  /** `with data.a.b as v`: path → value, longest first. */
  dataOverrides: { path: string[]; value: Value }[];
  /** `with f as g`: function name → replacement (a value, or another function's name). */
  mocks: Map<string, Term>;
  cache: Map<string, Value | undefined>;
  mockEnv: Env | null;
}

type Solution = Env | null;

export class Evaluator {
  private depth = 0;
  private steps = 0;
  private readonly evaluating = new Set<string>();

  constructor(
    private readonly compiled: Compiled,
    private readonly options: EvalOptions,
  ) {}

  rootContext(): Context {
    return { input: this.options.input, dataOverrides: [], mocks: new Map(), cache: new Map(), mockEnv: null };
  }

  /** The value of `data.<path>` (a rule, a package, or base data). */
  valueAt(path: string[], ctx: Context = this.rootContext()): Value | undefined {
    for (const [v] of this.walkData(path.map((p) => ({ t: "value", v: p, loc: NOWHERE }) as Term), ctx, null)) return v;
    return undefined;
  }

  /** Solutions of a query body, with the bindings of its variables. */
  *query(body: Body, ctx: Context = this.rootContext()): Generator<Solution> {
    yield* this.evalBody(body, 0, null, ctx, null);
  }

  readBinding(env: Solution, name: string): Value | undefined {
    const v = lookup(env, name);
    return v === UNBOUND ? undefined : v;
  }

  // ---------------------------------------------------------------------------
  // Bodies and literals

  private *evalBody(body: Body, i: number, env: Env | null, ctx: Context, rule: RuleGroup | null): Generator<Env | null> {
    // Every solution counts against the time budget, not only every expression.
    this.tick();
    if (i === body.length) {
      yield env;
      return;
    }
    for (const next of this.evalLiteral(body[i]!, env, ctx, rule)) yield* this.evalBody(body, i + 1, next, ctx, rule);
  }

  private *evalLiteral(lit: Literal, env: Env | null, ctx: Context, rule: RuleGroup | null): Generator<Env | null> {
    if (lit.kind === "some") {
      let e = env;
      for (const v of lit.vars) e = bind(e, v, UNBOUND);
      yield e;
      return;
    }
    const inner = lit.withs.length > 0 ? this.withContext(lit.withs, env, ctx, rule) : ctx;
    const negated = "negated" in lit && lit.negated;
    if (negated) {
      for (const _ of this.evalPositive(lit, env, inner, rule)) return;
      yield env;
      return;
    }
    yield* this.evalPositive(lit, env, inner, rule);
  }

  private *evalPositive(lit: Literal, env: Env | null, ctx: Context, rule: RuleGroup | null): Generator<Env | null> {
    switch (lit.kind) {
      case "expr":
        for (const [v, e] of this.evalTerm(lit.term, env, ctx, rule)) if (v !== false) yield e;
        return;
      case "unify":
        yield* this.unifyTerms(lit.left, lit.right, env, ctx, rule);
        return;
      case "assign": {
        // := declares: the left side's variables are new locals.
        let e = env;
        for (const v of varsIn(lit.left)) e = bind(e, v, UNBOUND);
        for (const [value, e2] of this.evalTerm(lit.right, env, ctx, rule)) {
          yield* this.unifyValue(lit.left, value, rebase(e2, e, env), ctx, rule);
        }
        return;
      }
      case "somein": {
        let base = env;
        if (lit.declare) {
          for (const v of [...(lit.key ? varsIn(lit.key) : []), ...varsIn(lit.value)]) base = bind(base, v, UNBOUND);
        }
        for (const [coll, e] of this.evalTerm(lit.collection, env, ctx, rule)) {
          const start = rebase(e, base, env);
          for (const [k, v] of members(coll)) {
            for (const e2 of lit.key ? this.unifyValue(lit.key, k, start, ctx, rule) : [start]) {
              yield* this.unifyValue(lit.value, v, e2, ctx, rule);
            }
          }
        }
        return;
      }
      case "every": {
        for (const [coll, e] of this.evalTerm(lit.collection, env, ctx, rule)) {
          let all = true;
          for (const [k, v] of members(coll)) {
            let scope: Env | null = e;
            if (lit.key) for (const name of varsIn(lit.key)) scope = bind(scope, name, UNBOUND);
            for (const name of varsIn(lit.value)) scope = bind(scope, name, UNBOUND);
            let held = false;
            for (const e2 of lit.key ? this.unifyValue(lit.key, k, scope, ctx, rule) : [scope]) {
              for (const e3 of this.unifyValue(lit.value, v, e2, ctx, rule)) {
                for (const _ of this.evalBody(lit.body, 0, e3, ctx, rule)) {
                  held = true;
                  break;
                }
                if (held) break;
              }
              if (held) break;
            }
            if (!held) {
              all = false;
              break;
            }
          }
          if (all) yield e;
        }
        return;
      }
    }
  }

  /** A context for `with`: new input, data overrides or function mocks, and a fresh cache. */
  private withContext(withs: { target: Term; value: Term }[], env: Env | null, ctx: Context, rule: RuleGroup | null): Context {
    const next: Context = { input: ctx.input, dataOverrides: [...ctx.dataOverrides], mocks: new Map(ctx.mocks), cache: new Map(), mockEnv: env };
    for (const w of withs) {
      const target = refPath(w.target, rule, this.compiled);
      if (!target) throw new RegoEvalError("rego_compile_error", "with target must be input, data or a function", w.target.loc);
      if (target[0] === "input") {
        const value = this.firstValue(w.value, env, ctx, rule);
        if (target.length === 1) next.input = value;
        else next.input = setPath(next.input, target.slice(1), value);
        continue;
      }
      if (target[0] === "data" && !this.isFunction(target.slice(1))) {
        const value = this.firstValue(w.value, env, ctx, rule);
        if (value === undefined) continue;
        next.dataOverrides.unshift({ path: target.slice(1), value });
        next.dataOverrides.sort((a, b) => b.path.length - a.path.length);
        continue;
      }
      // A function or builtin replaced by another function, or by a value.
      next.mocks.set(target.join("."), w.value);
    }
    return next;
  }

  private isFunction(path: string[]): boolean {
    const group = this.compiled.groupAt(path);
    return group?.kind === "function";
  }

  private firstValue(term: Term, env: Env | null, ctx: Context, rule: RuleGroup | null): Value | undefined {
    for (const [v] of this.evalTerm(term, env, ctx, rule)) return v;
    return undefined;
  }

  // ---------------------------------------------------------------------------
  // Terms

  *evalTerm(term: Term, env: Env | null, ctx: Context, rule: RuleGroup | null): Generator<[Value, Env | null]> {
    switch (term.t) {
      case "value":
        yield [term.v, env];
        return;
      case "var": {
        const bound = lookup(env, term.name);
        if (bound !== undefined && bound !== UNBOUND) {
          yield [bound, env];
          return;
        }
        if (term.name === "_" || bound === UNBOUND || !this.isGlobalName(term.name, rule)) {
          throw new RegoEvalError("rego_unsafe_var_error", `var ${term.name} is unsafe`, term.loc);
        }
        yield* this.evalRef({ t: "ref", head: term, path: [], loc: term.loc }, env, ctx, rule);
        return;
      }
      case "ref":
        yield* this.evalRef(term, env, ctx, rule);
        return;
      case "array":
        for (const [items, e] of this.evalTerms(term.items, 0, env, ctx, rule, [])) yield [items, e];
        return;
      case "set":
        for (const [items, e] of this.evalTerms(term.items, 0, env, ctx, rule, [])) yield [new RegoSet(items), e];
        return;
      case "object": {
        const flat = term.entries.flatMap(([k, v]) => [k, v]);
        for (const [items, e] of this.evalTerms(flat, 0, env, ctx, rule, [])) {
          const entries: [Value, Value][] = [];
          for (let i = 0; i < items.length; i += 2) entries.push([items[i]!, items[i + 1]!]);
          yield [makeObject(entries), e];
        }
        return;
      }
      case "call":
        yield* this.evalCall(term, env, ctx, rule);
        return;
      case "arraycomp": {
        const out: Value[] = [];
        for (const e of this.evalBody(term.body, 0, env, ctx, rule)) for (const [v] of this.evalTerm(term.term, e, ctx, rule)) out.push(v);
        yield [out, env];
        return;
      }
      case "setcomp": {
        const out = new RegoSet();
        for (const e of this.evalBody(term.body, 0, env, ctx, rule)) for (const [v] of this.evalTerm(term.term, e, ctx, rule)) out.addDuringConstruction(v);
        yield [out, env];
        return;
      }
      case "objcomp": {
        const seen = new Map<string, [Value, Value]>();
        for (const e of this.evalBody(term.body, 0, env, ctx, rule)) {
          for (const [k, e2] of this.evalTerm(term.key, e, ctx, rule)) {
            for (const [v] of this.evalTerm(term.value, e2, ctx, rule)) {
              const key = canonicalKey(k);
              const prev = seen.get(key);
              if (prev && !equal(prev[1], v)) {
                throw new RegoEvalError("eval_conflict_error", "object keys must be unique", term.loc);
              }
              seen.set(key, [k, v]);
            }
          }
        }
        yield [makeObject([...seen.values()]), env];
        return;
      }
    }
  }

  private *evalTerms(terms: Term[], i: number, env: Env | null, ctx: Context, rule: RuleGroup | null, acc: Value[]): Generator<[Value[], Env | null]> {
    if (i === terms.length) {
      yield [acc.slice(), env];
      return;
    }
    for (const [v, e] of this.evalTerm(terms[i]!, env, ctx, rule)) {
      acc.push(v);
      yield* this.evalTerms(terms, i + 1, e, ctx, rule, acc);
      acc.pop();
    }
  }

  /** A name that refers to something global: input, data, an import, a rule of the package. */
  private isGlobalName(name: string, rule: RuleGroup | null, env?: Env | null): boolean {
    if (env !== undefined && lookup(env, name) !== undefined) return false;
    if (name === "input" || name === "data") return true;
    if (!rule) return false;
    return rule.module.imports.some((i) => i.alias === name) || this.compiled.groupAt([...rule.module.pkg, name]) !== undefined || this.compiled.nodeAt([...rule.module.pkg, name]) !== undefined;
  }

  // ---------------------------------------------------------------------------
  // References

  private *evalRef(term: Term & { t: "ref" }, env: Env | null, ctx: Context, rule: RuleGroup | null): Generator<[Value, Env | null]> {
    const head = term.head;
    if (head.t === "var") {
      const bound = lookup(env, head.name);
      if (bound !== undefined && bound !== UNBOUND) {
        yield* this.walkValue(bound, term.path, 0, env, ctx, rule);
        return;
      }
      if (bound === UNBOUND) throw new RegoEvalError("rego_unsafe_var_error", `var ${head.name} is unsafe`, head.loc);
      const expanded = this.expandGlobal(head.name, rule);
      if (!expanded) throw new RegoEvalError("rego_unsafe_var_error", `var ${head.name} is unsafe`, head.loc);
      if (expanded[0] === "input") {
        const input = ctx.input;
        if (input === undefined) return;
        const prefix = expanded.slice(1).map((p) => ({ t: "value", v: p, loc: head.loc }) as Term);
        yield* this.walkValue(input, [...prefix, ...term.path], 0, env, ctx, rule);
        return;
      }
      const prefix = expanded.slice(1).map((p) => ({ t: "value", v: p, loc: head.loc }) as Term);
      for (const [v, e] of this.walkData([...prefix, ...term.path], ctx, env, rule)) yield [v, e];
      return;
    }
    for (const [base, e] of this.evalTerm(head, env, ctx, rule)) yield* this.walkValue(base, term.path, 0, e, ctx, rule);
  }

  /** `input`, `data`, an import alias or a rule of the rule's package, as an absolute path. */
  private expandGlobal(name: string, rule: RuleGroup | null): string[] | undefined {
    if (name === "input" || name === "data") return [name];
    if (!rule) return undefined;
    const imp = rule.module.imports.find((i) => i.alias === name);
    if (imp) return imp.path;
    return ["data", ...rule.module.pkg, name];
  }

  /** Walks a value along a path; variable segments iterate. */
  private *walkValue(value: Value, path: Term[], i: number, env: Env | null, ctx: Context, rule: RuleGroup | null): Generator<[Value, Env | null]> {
    if (i === path.length) {
      yield [value, env];
      return;
    }
    const seg = path[i]!;
    const ground = this.groundKey(seg, env, rule);
    if (ground !== NOT_GROUND) {
      if (ground === UNSAFE) {
        for (const [k, e] of this.evalTerm(seg, env, ctx, rule)) {
          const child = index(value, k);
          if (child !== undefined) yield* this.walkValue(child, path, i + 1, e, ctx, rule);
        }
        return;
      }
      const child = index(value, ground);
      if (child !== undefined) yield* this.walkValue(child, path, i + 1, env, ctx, rule);
      return;
    }
    for (const [k, v] of members(value)) {
      for (const e of this.unifyValue(seg, k, env, ctx, rule)) yield* this.walkValue(v, path, i + 1, e, ctx, rule);
    }
  }

  /**
   * A path segment's key when it needs no iteration: a constant or a bound
   * variable. NOT_GROUND when it holds unbound variables (it iterates);
   * UNSAFE when it is a term to evaluate (a call, a ref).
   */
  private groundKey(seg: Term, env: Env | null, rule: RuleGroup | null): Value | typeof NOT_GROUND | typeof UNSAFE {
    if (seg.t === "value") return seg.v;
    if (seg.t === "var") {
      if (seg.name === "_") return NOT_GROUND;
      const b = lookup(env, seg.name);
      if (b === UNBOUND) return NOT_GROUND;
      if (b === undefined) return this.isGlobalName(seg.name, rule) ? UNSAFE : NOT_GROUND;
      return b;
    }
    if (seg.t === "array" || seg.t === "object") return varsIn(seg).some((v) => isUnbound(env, v) && !this.isGlobalName(v, rule)) ? NOT_GROUND : UNSAFE;
    return UNSAFE;
  }

  /** Walks `data` (packages, rules and base documents) along a path. */
  private *walkData(path: Term[], ctx: Context, env: Env | null, rule: RuleGroup | null = null): Generator<[Value, Env | null]> {
    yield* this.walkNode(this.compiled.root, [], path, 0, ctx, env, rule);
  }

  private *walkNode(node: PkgNode, at: string[], path: Term[], i: number, ctx: Context, env: Env | null, rule: RuleGroup | null): Generator<[Value, Env | null]> {
    const override = this.overrideAt(at, ctx);
    if (override !== undefined) {
      yield* this.walkValue(override, path, i, env, ctx, rule);
      return;
    }
    if (i === path.length) {
      yield [this.nodeValue(node, at, ctx), env];
      return;
    }
    const seg = path[i]!;
    const ground = this.groundKey(seg, env, rule);
    const step = (key: string, e: Env | null): Generator<[Value, Env | null]> => this.stepNode(node, at, key, path, i, ctx, e, rule);
    if (ground === NOT_GROUND) {
      for (const key of this.nodeKeys(node)) for (const e of this.unifyValue(seg, key, env, ctx, rule)) yield* step(key, e);
      return;
    }
    if (ground === UNSAFE) {
      for (const [k, e] of this.evalTerm(seg, env, ctx, rule)) if (typeof k === "string") yield* step(k, e);
      return;
    }
    if (typeof ground === "string") yield* step(ground, env);
  }

  private *stepNode(node: PkgNode, at: string[], key: string, path: Term[], i: number, ctx: Context, env: Env | null, rule: RuleGroup | null): Generator<[Value, Env | null]> {
    const childPath = [...at, key];
    const override = this.overrideAt(childPath, ctx);
    if (override !== undefined) {
      yield* this.walkValue(override, path, i + 1, env, ctx, rule);
      return;
    }
    const group = node.rules.get(key);
    const child = node.children.get(key);
    if (group && group.kind !== "function") {
      const value = this.groupValue(group, ctx);
      if (value !== undefined) yield* this.walkValue(value, path, i + 1, env, ctx, rule);
      return;
    }
    if (child) {
      yield* this.walkNode(child, childPath, path, i + 1, ctx, env, rule);
      return;
    }
    if (node.base !== undefined) {
      const v = index(node.base, key);
      if (v !== undefined) yield* this.walkValue(v, path, i + 1, env, ctx, rule);
    }
  }

  private overrideAt(at: string[], ctx: Context): Value | undefined {
    for (const o of ctx.dataOverrides) {
      if (o.path.length > at.length) {
        continue;
      }
      if (o.path.every((p, k) => p === at[k])) {
        let v: Value | undefined = o.value;
        for (const p of at.slice(o.path.length)) {
          if (v === undefined) return undefined;
          v = index(v, p);
        }
        return v;
      }
    }
    return undefined;
  }

  private nodeKeys(node: PkgNode): string[] {
    const keys = new Set<string>([...node.children.keys(), ...[...node.rules.entries()].filter(([, g]) => g.kind !== "function").map(([k]) => k)]);
    if (node.base !== undefined && isObject(node.base)) for (const [k] of objectEntries(node.base)) if (typeof k === "string") keys.add(k);
    return [...keys];
  }

  /** A package as a value: its rules' values, its sub-packages and its base data. */
  private nodeValue(node: PkgNode, at: string[], ctx: Context): Value {
    const entries: [Value, Value][] = [];
    if (node.base !== undefined && isObject(node.base)) for (const e of objectEntries(node.base)) entries.push(e);
    for (const [name, group] of node.rules) {
      if (group.kind === "function") continue;
      const v = this.groupValue(group, ctx);
      if (v !== undefined) entries.push([name, v]);
    }
    for (const [name, child] of node.children) {
      if (node.rules.has(name)) continue;
      entries.push([name, this.nodeValue(child, [...at, name], ctx)]);
    }
    if (entries.length === 0 && node.base !== undefined && !isObject(node.base)) return node.base;
    return makeObject(entries);
  }

  // ---------------------------------------------------------------------------
  // Rules

  private groupValue(group: RuleGroup, ctx: Context): Value | undefined {
    const key = group.id;
    if (ctx.cache.has(key)) return ctx.cache.get(key);
    if (this.evaluating.has(key + "@" + contextId(ctx))) {
      throw new RegoEvalError("rego_recursion_error", `rule ${group.name} is recursive`, group.rules[0]?.loc);
    }
    this.evaluating.add(key + "@" + contextId(ctx));
    this.enter(group);
    try {
      const value = this.computeGroup(group, ctx);
      ctx.cache.set(key, value);
      return value;
    } finally {
      this.depth--;
      this.evaluating.delete(key + "@" + contextId(ctx));
    }
  }

  private enter(group: RuleGroup): void {
    this.depth++;
    if (this.depth > this.options.maxDepth) {
      throw new RegoEvalError("eval_depth_error", `evaluation is nested deeper than ${this.options.maxDepth} rules or calls (at ${group.name})`, group.rules[0]?.loc);
    }
  }

  private computeGroup(group: RuleGroup, ctx: Context): Value | undefined {
    switch (group.kind) {
      case "set": {
        const out = new RegoSet();
        for (const r of group.rules) {
          for (const e of this.evalBody(r.body, 0, null, ctx, group)) for (const [k] of this.evalTerm(r.key!, e, ctx, group)) out.addDuringConstruction(k);
        }
        return out;
      }
      case "object": {
        const seen = new Map<string, [Value, Value]>();
        for (const r of group.rules) {
          for (const e of this.evalBody(r.body, 0, null, ctx, group)) {
            for (const [k, e2] of this.evalTerm(r.key!, e, ctx, group)) {
              for (const [v] of this.evalTerm(r.value ?? TRUE, e2, ctx, group)) {
                const ck = canonicalKey(k);
                const prev = seen.get(ck);
                if (prev && !equal(prev[1], v)) {
                  throw new RegoEvalError("eval_conflict_error", `object keys must be unique (rule ${group.name})`, r.loc);
                }
                seen.set(ck, [k, v]);
              }
            }
          }
        }
        return makeObject([...seen.values()]);
      }
      case "complete": {
        let result: Value | undefined;
        for (const r of group.rules) {
          const v = this.completeValue(r, null, ctx, group);
          if (v === undefined) continue;
          if (result !== undefined && !equal(result, v)) {
            throw new RegoEvalError("eval_conflict_error", `complete rules must not produce multiple outputs (rule ${group.name})`, r.loc);
          }
          result = v;
        }
        if (result === undefined && group.defaultRule) result = this.firstValue(group.defaultRule.value!, null, ctx, group);
        return result;
      }
      case "function":
        return undefined;
    }
  }

  /** A complete rule's (or function's) value from its body, or its else chain. */
  private completeValue(r: Rule, env: Env | null, ctx: Context, group: RuleGroup): Value | undefined {
    const branches = [{ value: r.value, body: r.body }, ...r.elses];
    for (const b of branches) {
      let result: Value | undefined;
      for (const e of this.evalBody(b.body, 0, env, ctx, group)) {
        for (const [v] of this.evalTerm(b.value ?? TRUE, e, ctx, group)) {
          if (result !== undefined && !equal(result, v)) {
            throw new RegoEvalError("eval_conflict_error", `complete rules must not produce multiple outputs (rule ${group.name})`, r.loc);
          }
          result = v;
        }
      }
      if (result !== undefined) return result;
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------
  // Calls

  private *evalCall(term: Term & { t: "call" }, env: Env | null, ctx: Context, rule: RuleGroup | null): Generator<[Value, Env | null]> {
    const name = term.name;
    const dotted = name.join(".");
    if (dotted === "internal.member_2") {
      yield* this.member(term, env, ctx, rule);
      return;
    }
    if (dotted === "print") {
      const parts: string[] = [];
      for (const a of term.args) {
        let text = "<undefined>";
        for (const [v] of this.evalTerm(a, env, ctx, rule)) {
          text = typeof v === "string" ? v : formatValue(v);
          break;
        }
        parts.push(text);
      }
      this.options.print?.(parts.join(" "));
      yield [true, env];
      return;
    }
    const target = term.operator ? { kind: "builtin" as const, def: BUILTINS.get(dotted)! } : this.resolveFunction(name, rule, ctx);
    if (target.kind === "mock-value") {
      for (const [v, e] of this.evalTerm(target.value, ctx.mockEnv, ctx, rule)) yield [v, env ?? e];
      return;
    }
    if (target.kind === "user") {
      const group = target.group;
      const arity = group.rules[0]?.args?.length ?? 0;
      const inputs = term.args.slice(0, arity);
      const output = term.args.length > arity ? term.args[arity] : undefined;
      for (const [args, e] of this.evalTerms(inputs, 0, env, ctx, rule, [])) {
        const v = this.callUser(group, args, ctx);
        if (v === undefined) continue;
        if (output) for (const e2 of this.unifyValue(output, v, e, ctx, rule)) yield [true, e2];
        else yield [v, e];
      }
      return;
    }
    const def = target.def;
    const inputs = term.args.slice(0, def.arity);
    const output = term.args.length > def.arity ? term.args[def.arity] : undefined;
    for (const [args, e] of this.evalTerms(inputs, 0, env, ctx, rule, [])) {
      let result: Value | undefined;
      try {
        result = def.impl(args, { strict: this.options.strict, nowNs: this.options.nowNs, ...(this.options.print ? { print: this.options.print } : {}) });
      } catch (err) {
        if (err instanceof BuiltinError) {
          if (this.options.strict) throw new RegoEvalError(err.code, err.message, term.loc);
          continue;
        }
        if (err instanceof RegoEvalError) throw err;
        throw new RegoEvalError("eval_builtin_error", `${def.name}: ${(err as Error).message}`, term.loc);
      }
      if (result === undefined) continue;
      const outputs = def.relation ? (result as Value[]) : [result];
      for (const out of outputs) {
        if (output) for (const e2 of this.unifyValue(output, out, e, ctx, rule)) yield [true, e2];
        else yield [out, e];
      }
    }
  }

  private resolveFunction(
    name: string[],
    rule: RuleGroup | null,
    ctx: Context,
  ): { kind: "user"; group: RuleGroup } | { kind: "builtin"; def: NonNullable<ReturnType<typeof BUILTINS.get>> } | { kind: "mock-value"; value: Term } {
    const abs = this.absoluteName(name, rule);
    for (const key of [abs.join("."), name.join(".")]) {
      const mock = ctx.mocks.get(key);
      if (mock) {
        const mocked = mock.t === "var" || (mock.t === "ref" && mock.head.t === "var") ? this.functionNameOf(mock) : undefined;
        if (mocked) return this.resolveFunction(mocked, rule, { ...ctx, mocks: withoutKey(ctx.mocks, key) });
        return { kind: "mock-value", value: mock };
      }
    }
    if (abs[0] === "data") {
      const group = this.compiled.groupAt(abs.slice(1));
      if (group && group.kind === "function") return { kind: "user", group };
      if (group) throw new RegoEvalError("rego_type_error", `${name.join(".")} is not a function`);
    }
    const def = BUILTINS.get(name.join("."));
    if (def) return { kind: "builtin", def };
    throw new RegoEvalError("rego_type_error", `undefined function ${name.join(".")}`);
  }

  private functionNameOf(t: Term): string[] | undefined {
    if (t.t === "var") return [t.name];
    if (t.t === "ref" && t.head.t === "var" && t.path.every((p) => p.t === "value" && typeof p.v === "string")) return [t.head.name, ...t.path.map((p) => (p as { v: string }).v)];
    return undefined;
  }

  /** A function's name as `data.<pkg>.<name>` when it is a user function, else as written. */
  private absoluteName(name: string[], rule: RuleGroup | null): string[] {
    if (name[0] === "data") return name;
    if (!rule) return name;
    const imp = rule.module.imports.find((i) => i.alias === name[0]);
    if (imp) return [...imp.path, ...name.slice(1)];
    const local = ["data", ...rule.module.pkg, ...name];
    if (this.compiled.groupAt(local.slice(1))) return local;
    return name;
  }

  private callUser(group: RuleGroup, args: Value[], ctx: Context): Value | undefined {
    const cacheKey = `${group.id}(${args.map(canonicalKey).join(",")})`;
    if (ctx.cache.has(cacheKey)) return ctx.cache.get(cacheKey);
    this.enter(group);
    try {
      let result: Value | undefined;
      for (const r of group.rules) {
        for (const env of this.bindArgs(r.args ?? [], args, 0, null, ctx, group)) {
          const v = this.completeValue(r, env, ctx, group);
          if (v === undefined) continue;
          if (result !== undefined && !equal(result, v)) {
            throw new RegoEvalError("eval_conflict_error", `functions must not produce multiple outputs for same inputs (${group.name})`, r.loc);
          }
          result = v;
          break;
        }
      }
      ctx.cache.set(cacheKey, result);
      return result;
    } finally {
      this.depth--;
    }
  }

  private *bindArgs(params: Term[], args: Value[], i: number, env: Env | null, ctx: Context, group: RuleGroup): Generator<Env | null> {
    if (i === params.length) {
      yield env;
      return;
    }
    let e = env;
    for (const v of varsIn(params[i]!)) if (lookup(e, v) === undefined) e = bind(e, v, UNBOUND);
    for (const e2 of this.unifyValue(params[i]!, args[i]!, e, ctx, group)) yield* this.bindArgs(params, args, i + 1, e2, ctx, group);
  }

  /** `x in xs`: true or false when x is known; binds x when it is not. */
  private *member(term: Term & { t: "call" }, env: Env | null, ctx: Context, rule: RuleGroup | null): Generator<[Value, Env | null]> {
    const [needle, haystack] = term.args as [Term, Term];
    for (const [coll, e] of this.evalTerm(haystack, env, ctx, rule)) {
      if (varsIn(needle).some((v) => isUnbound(e, v))) {
        for (const [, v] of members(coll)) for (const e2 of this.unifyValue(needle, v, e, ctx, rule)) yield [true, e2];
        continue;
      }
      for (const [x, e2] of this.evalTerm(needle, e, ctx, rule)) {
        let found = false;
        for (const [, v] of members(coll)) {
          if (equal(v, x)) {
            found = true;
            break;
          }
        }
        yield [found, e2];
      }
    }
  }

  // ---------------------------------------------------------------------------
  // Unification

  private *unifyTerms(a: Term, b: Term, env: Env | null, ctx: Context, rule: RuleGroup | null): Generator<Env | null> {
    if (a.t === "var" && a.name === "_") {
      if (b.t === "var" && b.name === "_") yield env;
      else for (const [, e] of this.evalTerm(b, env, ctx, rule)) yield e;
      return;
    }
    const aOpen = varsIn(a).some((v) => isUnbound(env, v) && !this.isGlobalName(v, rule, env));
    if (aOpen && !(b.t === "var" && isUnbound(env, b.name))) {
      for (const [v, e] of this.evalTerm(b, env, ctx, rule)) yield* this.unifyValue(a, v, e, ctx, rule);
      return;
    }
    for (const [v, e] of this.evalTerm(a, env, ctx, rule)) yield* this.unifyValue(b, v, e, ctx, rule);
  }

  /** Unifies a term (a pattern with variables) with a value. */
  *unifyValue(term: Term, value: Value, env: Env | null, ctx: Context, rule: RuleGroup | null): Generator<Env | null> {
    switch (term.t) {
      case "var": {
        if (term.name === "_") {
          yield env;
          return;
        }
        const bound = lookup(env, term.name);
        if (bound === undefined && this.isGlobalName(term.name, rule)) break;
        if (bound === undefined || bound === UNBOUND) {
          yield bind(env, term.name, value);
          return;
        }
        if (equal(bound, value)) yield env;
        return;
      }
      case "array": {
        if (!Array.isArray(value) || value.length !== term.items.length) return;
        yield* this.unifyItems(term.items, value, 0, env, ctx, rule);
        return;
      }
      case "object": {
        if (!isObject(value)) return;
        if (term.entries.length !== countEntries(value)) return;
        yield* this.unifyEntries(term.entries, value, 0, env, ctx, rule);
        return;
      }
      default:
        break;
    }
    for (const [v, e] of this.evalTerm(term, env, ctx, rule)) if (equal(v, value)) yield e;
  }

  private *unifyItems(items: Term[], values: Value[], i: number, env: Env | null, ctx: Context, rule: RuleGroup | null): Generator<Env | null> {
    if (i === items.length) {
      yield env;
      return;
    }
    for (const e of this.unifyValue(items[i]!, values[i]!, env, ctx, rule)) yield* this.unifyItems(items, values, i + 1, e, ctx, rule);
  }

  private *unifyEntries(entries: [Term, Term][], obj: ObjectValue, i: number, env: Env | null, ctx: Context, rule: RuleGroup | null): Generator<Env | null> {
    if (i === entries.length) {
      yield env;
      return;
    }
    const [kt, vt] = entries[i]!;
    for (const [k, e] of this.evalTerm(kt, env, ctx, rule)) {
      const v = objectGet(obj, k);
      if (v === undefined) continue;
      for (const e2 of this.unifyValue(vt, v, e, ctx, rule)) yield* this.unifyEntries(entries, obj, i + 1, e2, ctx, rule);
    }
  }

  private tick(): void {
    if ((++this.steps & 0x3ff) === 0 && Date.now() > this.options.deadline) {
      throw new RegoEvalError("eval_cancel_error", "evaluation took longer than its time budget");
    }
  }
}

const NOWHERE: Loc = { file: "", line: 0, col: 0 };
const TRUE: Term = { t: "value", v: true, loc: NOWHERE };
const NOT_GROUND = Symbol("not ground");
const UNSAFE = Symbol("evaluate");

let contextCounter = 0;
const contextIds = new WeakMap<object, number>();
function contextId(ctx: Context): number {
  let id = contextIds.get(ctx);
  if (id === undefined) contextIds.set(ctx, (id = ++contextCounter));
  return id;
}

function withoutKey<K, V>(map: Map<K, V>, key: K): Map<K, V> {
  const m = new Map(map);
  m.delete(key);
  return m;
}

/** The bindings `e` made since `from`, replayed on top of `onto` (so fresh locals shadow correctly). */
function rebase(e: Env | null, onto: Env | null, from: Env | null): Env | null {
  if (e === from) return onto;
  const added: Env[] = [];
  for (let x = e; x && x !== from; x = x.parent) added.push(x);
  let out = onto;
  for (let k = added.length - 1; k >= 0; k--) out = bind(out, added[k]!.name, added[k]!.value);
  return out;
}

function isUnbound(env: Env | null, name: string): boolean {
  if (name === "_") return true;
  const v = lookup(env, name);
  return v === undefined || v === UNBOUND;
}

/** The variables a term mentions (for declarations and safety). */
export function varsIn(term: Term, out: string[] = []): string[] {
  switch (term.t) {
    case "var":
      if (term.name !== "_" && !out.includes(term.name)) out.push(term.name);
      break;
    case "ref":
      varsIn(term.head, out);
      for (const p of term.path) varsIn(p, out);
      break;
    case "array":
    case "set":
      for (const x of term.items) varsIn(x, out);
      break;
    case "object":
      for (const [k, v] of term.entries) {
        varsIn(k, out);
        varsIn(v, out);
      }
      break;
    case "call":
      for (const a of term.args) varsIn(a, out);
      break;
    default:
      break;
  }
  return out;
}

/** Key/value pairs of a collection: arrays by index, sets by member, objects by key. */
function* members(value: Value): Generator<[Value, Value]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield [i, value[i]!];
  } else if (isSet(value)) {
    for (const v of value) yield [v, v];
  } else if (isObject(value)) {
    yield* objectEntries(value);
  }
}

function index(value: Value, key: Value): Value | undefined {
  if (Array.isArray(value)) return typeof key === "number" && Number.isInteger(key) && key >= 0 ? value[key] : undefined;
  if (isSet(value)) return value.has(key) ? key : undefined;
  if (isObject(value)) return objectGet(value, key);
  return undefined;
}

function countEntries(obj: ObjectValue): number {
  let n = 0;
  for (const _ of objectEntries(obj)) n++;
  return n;
}

function setPath(base: Value | undefined, path: string[], value: Value | undefined): Value | undefined {
  if (value === undefined) return base;
  if (path.length === 0) return value;
  const entries: [Value, Value][] = base !== undefined && isObject(base) ? [...objectEntries(base)].filter(([k]) => k !== path[0]) : [];
  const child = base !== undefined && isObject(base) ? objectGet(base, path[0]!) : undefined;
  entries.push([path[0]!, setPath(child, path.slice(1), value)!]);
  return makeObject(entries);
}

/** A `with` target as an absolute path: ["input", ...], ["data", ...], or a function's name. */
function refPath(t: Term, rule: RuleGroup | null, compiled: Compiled): string[] | undefined {
  let parts: string[];
  if (t.t === "var") parts = [t.name];
  else if (t.t === "ref" && t.head.t === "var" && t.path.every((p) => p.t === "value" && typeof p.v === "string")) {
    parts = [t.head.name, ...t.path.map((p) => (p as { v: string }).v)];
  } else return undefined;
  if (parts[0] === "input" || parts[0] === "data") return parts;
  if (rule) {
    const imp = rule.module.imports.find((i) => i.alias === parts[0]);
    if (imp) return [...imp.path, ...parts.slice(1)];
    if (compiled.groupAt([...rule.module.pkg, ...parts])) return ["data", ...rule.module.pkg, ...parts];
  }
  return parts;
}
