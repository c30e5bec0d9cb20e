/**
 * What the build records about each compiled module of the bundled library,
 * so that a scan revives and evaluates only the modules its plan can need
 * (lazy-library.ts):
 *
 * - its **gate**: the resource types without which its conftest rules
 *   (deny, violation, warn) cannot yield anything. Read from the compiled
 *   bodies, never from METADATA (which could be wrong): a body is gated when
 *   one of its own literals iterates `data.planguard.resources_by_type.T`
 *   (or `...[t]` with `t` drawn from a literal list of names), since that
 *   literal is undefined, and the body fails, when the plan holds no judged
 *   resource of those types. A module with any conftest body not gated so
 *   is always evaluated.
 * - what it **needs**: the modules its references and calls into `data` can
 *   reach (by package path, either way a prefix), followed transitively, so
 *   that a program of these modules alone evaluates its rules as the whole
 *   library does.
 */
import type { Body, Literal, Module, Rule, Term } from "../../rego/ast.js";
import { walkRule, walkTerm } from "../../rego/compiler/visit.js";
import { conftestKind } from "./conftest.js";

/**
 * Per conftest body of the module, the resource types one of which must be
 * in `data.planguard.resources_by_type` for the body to succeed; null when a
 * body is not gated (the module is evaluated for every plan). A module
 * without conftest rules (a helper library) has no bodies: `[]`.
 */
export type Gate = string[][] | null;

const BY_TYPE = ["planguard", "resources_by_type"];
/** How deep the reading follows rules and functions into each other. */
const MAX_DEPTH = 8;
/** At most this many type names from one `sprintf` over lists of names. */
const MAX_NAMES = 256;

/** Constant terms that variables stand for: a function's parameters at a call with constant arguments. */
type Env = ReadonlyMap<number, Term>;
const NO_ENV: Env = new Map();

/**
 * Reads gates out of compiled modules. A body is gated by its first
 * non-negated literal (without `with`) that is undefined or iterates nothing
 * when the plan holds none of some resource types:
 *
 * - a reference `data.planguard.resources_by_type[K]...` (as a term, either
 *   side of `=` or `:=`, or the collection of `some ... in`);
 * - `some x in C`, where C is empty or undefined without those types:
 *   `object.get(data.planguard.resources_by_type, K, [])`, a comprehension
 *   whose body is gated, a union (`|`) or `array.concat` of two such, the
 *   value of a rule defined once without a body (`xs := ...`), or of a call
 *   of a function defined once without a body, its parameters bound to the
 *   call's constant arguments (`lib.gcp_iam_grants(["project"])`), or a
 *   partial set (`xs contains x if ...`) every definition of which, in any
 *   file, is gated (the union of their types);
 *
 * where the key K is a constant name, a variable a top-level `some k in
 * <names>` of the same body draws from constant names (written there, a
 * constant rule, or a parameter bound to one), or `sprintf` of a constant
 * format with `%s` over such names. Anything else is not a gate. Rules and
 * functions are looked up across the whole library and used only when
 * defined once, so no other file adds to them.
 */
export class GateReader {
  private readonly rules = new Map<string, Rule[]>();

  constructor(modules: readonly Module[]) {
    for (const m of modules)
      for (const r of m.rules) {
        const key = r.path.join("\u0000");
        const list = this.rules.get(key);
        if (list) list.push(r);
        else this.rules.set(key, [r]);
      }
  }

  gateOf(m: Module): Gate {
    const bodies: string[][] = [];
    for (const rule of m.rules) {
      if (!conftestKind(rule.path.slice(m.pkg.length).join("."))) continue;
      if (rule.isDefault || rule.dynamic.length > 0) return null;
      for (const body of [rule.body, ...rule.elses.map((e) => e.body)]) {
        const types = this.bodyGate(body, NO_ENV, 0);
        if (!types) return null;
        bodies.push(types);
      }
    }
    return bodies;
  }

  /** The types of the body's first gating literal, or undefined when it has none. */
  private bodyGate(body: Body, env: Env, depth: number): string[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    for (const lit of body) {
      if (lit.negated || lit.withs.length > 0) continue;
      const types = this.literalGate(lit, body, env, depth);
      if (types) return types;
    }
    return undefined;
  }

  private literalGate(lit: Literal, body: Body, env: Env, depth: number): string[] | undefined {
    const e = lit.expr;
    if (e.kind === "somein") return this.emptyWithout(e.collection, body, env, depth);
    const terms =
      e.kind === "term" ? [e.term] : e.kind === "assign" ? [e.right] : e.kind === "unify" ? [e.left, e.right] : [];
    for (const t of terms) {
      const types = this.byTypeRef(t, body, env);
      if (types) return types;
    }
    return undefined;
  }

  /**
   * The types a reference `data.planguard.resources_by_type[K]...` can read.
   * Whatever follows, the reference is undefined when the plan holds none of
   * them, and so is a literal made of it.
   */
  private byTypeRef(t: Term, body: Body, env: Env): string[] | undefined {
    if (!isByTypeRef(t) || t.path.length < 3) return undefined;
    return this.names(t.path[2]!, body, env);
  }

  /** Types without which the collection `c` is empty or undefined. */
  private emptyWithout(c: Term, body: Body, env: Env, depth: number): string[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (c.type === "ref") {
      const types = this.byTypeRef(c, body, env);
      if (types) return types;
      const rule = this.onlyRule(c, "value");
      if (rule?.head.value) return this.emptyWithout(rule.head.value, rule.body, NO_ENV, depth + 1);
      return this.partialSetGate(c, depth);
    }
    if (c.type === "arraycomp" || c.type === "setcomp" || c.type === "objcomp")
      return this.bodyGate(c.body, env, depth + 1);
    if (c.type !== "call") return undefined;
    const target = c.target;
    if (target?.kind === "builtin" && (target.name === "or" || target.name === "array.concat") && c.args.length === 2) {
      const a = this.emptyWithout(c.args[0]!, body, env, depth + 1);
      const b = a && this.emptyWithout(c.args[1]!, body, env, depth + 1);
      return a && b ? [...new Set([...a, ...b])] : undefined;
    }
    if (target?.kind === "builtin" && target.name === "object.get" && c.args.length === 3) {
      const [obj, key, fallback] = c.args as [Term, Term, Term];
      if (!isByTypeRef(obj) || obj.path.length !== 2 || !isEmptyCollection(fallback)) return undefined;
      return this.names(key, body, env);
    }
    if (target?.kind === "function") {
      const f = this.onlyRuleAt(target.path, "function");
      const params = f?.head.args;
      if (!f?.head.value || !params || params.length !== c.args.length) return undefined;
      const bound = new Map<number, Term>();
      for (const [i, p] of params.entries()) {
        const arg = constantTerm(c.args[i]!, env);
        if (p.type !== "var" || p.slot === undefined || !arg) return undefined;
        bound.set(p.slot, arg);
      }
      return this.emptyWithout(f.head.value, f.body, bound, depth + 1);
    }
    return undefined;
  }

  /**
   * Types without which a partial set (`xs contains x if { ... }`) is empty:
   * the union of every definition's body gate, across the whole library, so
   * a definition that another file adds is counted too. Undefined when one
   * definition is not gated, or when anything but `contains` definitions
   * (a default, a value rule, a rule under its path) is written there.
   */
  private partialSetGate(ref: Term & { type: "ref" }, depth: number): string[] | undefined {
    const path = constantDataPath(ref);
    if (!path) return undefined;
    const key = path.join("\u0000");
    const defs = this.rules.get(key);
    if (!defs || defs.length === 0 || this.hasRulesUnder(key)) return undefined;
    const types = new Set<string>();
    for (const r of defs) {
      if (r.isDefault || r.dynamic.length > 0 || r.elses.length > 0 || r.head.kind !== "contains") return undefined;
      const gate = this.bodyGate(r.body, NO_ENV, depth + 1);
      if (!gate) return undefined;
      for (const t of gate) types.add(t);
    }
    return [...types];
  }

  /** Whether some rule's path lies strictly below this one (it would add keys to the document). */
  private hasRulesUnder(key: string): boolean {
    const prefix = key + "\u0000";
    for (const k of this.rules.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }

  /** The names a key term can take: a constant, a variable drawn from names, or `sprintf("...%s...", [...])` of those. */
  private names(key: Term, body: Body, env: Env): string[] | undefined {
    if (key.type === "scalar") return typeof key.value === "string" ? [key.value] : undefined;
    if (key.type === "var") return this.namesBoundTo(key, body, env);
    if (key.type !== "call" || key.target?.kind !== "builtin" || key.target.name !== "sprintf") return undefined;
    const [format, args] = key.args;
    if (format?.type !== "scalar" || typeof format.value !== "string" || args?.type !== "array") return undefined;
    const parts = format.value.split("%s");
    // Only %s (a string as it is), as many as there are arguments.
    if (parts.some((p) => p.includes("%")) || parts.length !== args.items.length + 1) return undefined;
    let out = [parts[0]!];
    for (const [i, arg] of args.items.entries()) {
      const choices = this.names(arg, body, env);
      if (!choices) return undefined;
      out = out.flatMap((prefix) => choices.map((c) => prefix + c + parts[i + 1]!));
      if (out.length > MAX_NAMES) return undefined;
    }
    return out;
  }

  /**
   * The string constants a variable stands for: bound by the environment to
   * a constant string, or drawn by a top-level `some v in C` (the items of
   * an array or set of strings, or `some k, _ in C` the keys of an object),
   * C written there, a constant rule, or a bound parameter.
   */
  private namesBoundTo(v: Term & { type: "var" }, body: Body, env: Env): string[] | undefined {
    if (v.slot === undefined) return undefined;
    const bound = env.get(v.slot);
    if (bound) return bound.type === "scalar" && typeof bound.value === "string" ? [bound.value] : undefined;
    const isSlot = (t: Term | undefined) => t?.type === "var" && t.slot === v.slot;
    for (const lit of body) {
      const e = lit.expr;
      if (lit.negated || lit.withs.length > 0 || e.kind !== "somein") continue;
      if (!isSlot(e.value) && !isSlot(e.key)) continue;
      const c =
        constantTerm(e.collection, env) ?? (e.collection.type === "ref" ? this.constantRule(e.collection) : undefined);
      if (c === undefined) return undefined;
      if (isSlot(e.key)) return c.type === "object" ? strings(c.entries.map(([k]) => k)) : undefined;
      return c.type === "array" || c.type === "set" ? strings(c.items) : undefined;
    }
    return undefined;
  }

  /** The value of a rule `name := <constant>` defined once, without a body. */
  private constantRule(ref: Term & { type: "ref" }): Term | undefined {
    const rule = this.onlyRule(ref, "value");
    return rule && rule.body.length === 0 && rule.head.value ? constantTerm(rule.head.value, NO_ENV) : undefined;
  }

  /** The one rule of this kind at a constant reference into data, defined without a condition; undefined otherwise. */
  private onlyRule(ref: Term & { type: "ref" }, kind: "value"): Rule | undefined {
    const path = constantDataPath(ref);
    return path ? this.onlyRuleAt(path, kind) : undefined;
  }

  private onlyRuleAt(path: readonly string[], kind: "value" | "function"): Rule | undefined {
    const rules = this.rules.get(path.join("\u0000"));
    const r = rules?.length === 1 ? rules[0] : undefined;
    if (!r || r.isDefault || r.dynamic.length > 0 || r.elses.length > 0 || r.head.kind !== kind) return undefined;
    // A body could make the rule undefined, which `some x in` treats as empty anyway; but keep to the plain form.
    return r.body.length === 0 && r.head.assign === ":=" ? r : undefined;
  }
}

/** The path of a reference into `data` made of constant names only (without "data"); undefined otherwise. */
function constantDataPath(ref: Term & { type: "ref" }): string[] | undefined {
  if (ref.head.type !== "root" || ref.head.root !== "data") return undefined;
  const path: string[] = [];
  for (const seg of ref.path) {
    if (seg.type !== "scalar" || typeof seg.value !== "string") return undefined;
    path.push(seg.value);
  }
  return path;
}

function isByTypeRef(t: Term): t is Term & { type: "ref" } {
  if (t.type !== "ref" || t.head.type !== "root" || t.head.root !== "data" || t.path.length < 2) return false;
  return BY_TYPE.every((name, i) => {
    const seg = t.path[i]!;
    return seg.type === "scalar" && seg.value === name;
  });
}

function isEmptyCollection(t: Term): boolean {
  return (
    ((t.type === "array" || t.type === "set") && t.items.length === 0) ||
    (t.type === "object" && t.entries.length === 0)
  );
}

/** The term when it is a constant (scalars, and arrays, sets, objects of them), a variable bound to one in `env`, else undefined. */
function constantTerm(t: Term, env: Env): Term | undefined {
  if (t.type === "var") return t.slot === undefined ? undefined : env.get(t.slot);
  const constant = (x: Term): boolean =>
    x.type === "scalar" ||
    ((x.type === "array" || x.type === "set") && x.items.every(constant)) ||
    (x.type === "object" && x.entries.every(([k, v]) => constant(k) && constant(v)));
  return constant(t) ? t : undefined;
}

/** The values of terms that are all string constants; undefined otherwise. */
function strings(terms: readonly Term[]): string[] | undefined {
  const names: string[] = [];
  for (const t of terms) {
    if (t.type !== "scalar" || typeof t.value !== "string") return undefined;
    names.push(t.value);
  }
  return names;
}

/** Whether one of the module's conftest bodies can succeed with these resource types present. */
export function gateOpen(gate: Gate, present: (type: string) => boolean): boolean {
  return gate === null || gate.some((types) => types.some(present));
}

/**
 * For each module, the indexes of the modules a program must hold to
 * evaluate it (itself, the modules of its package, and everything its
 * references into `data` can reach, transitively), ascending.
 */
export function modulesNeeded(modules: readonly Module[]): number[][] {
  const direct = modules.map((m) => {
    const reached = reachedPaths(m);
    const out = new Set<number>();
    modules.forEach((other, j) => {
      if (reached === "all" || reached.some((p) => prefixRelated(p, other.pkg))) out.add(j);
    });
    return out;
  });
  return direct.map((first, i) => {
    const seen = new Set<number>([i, ...first]);
    const queue = [...seen];
    while (queue.length > 0) for (const j of direct[queue.pop()!]!) if (!seen.has(j)) seen.add(j) && queue.push(j);
    return [...seen].sort((a, b) => a - b);
  });
}

/**
 * The constant prefixes of the module's references into `data` and the
 * paths of the functions it calls (its own package among them); "all" when
 * it uses `data` as a value or reads annotations (`rego.metadata.*`).
 */
function reachedPaths(m: Module): string[][] | "all" {
  const paths: string[][] = [m.pkg];
  let all = false;
  const visit = (t: Term): boolean => {
    if (all) return false;
    if (t.type === "root" && t.root === "data") {
      all = true;
      return false;
    }
    if (t.type === "ref" && t.head.type === "root" && t.head.root === "data") {
      const prefix: string[] = [];
      for (const seg of t.path) {
        if (seg.type !== "scalar" || typeof seg.value !== "string") break;
        prefix.push(seg.value);
      }
      paths.push(prefix);
      for (const seg of t.path) walkTerm(seg, visit);
      return false;
    }
    if (t.type === "call" && t.target?.kind === "function") paths.push(t.target.path);
    // The metadata chain reads the annotations of the packages above: everything, to be simple.
    if (t.type === "call" && t.target?.kind === "special" && t.target.name.startsWith("rego.metadata.")) all = true;
    return true;
  };
  for (const rule of m.rules) walkRule(rule, visit);
  return all ? "all" : paths;
}

/** Whether one path is a prefix of the other (a reference to a package, into it, or above it). */
function prefixRelated(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
