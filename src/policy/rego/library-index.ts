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
import type { Body, Literal, Module, Term } from "../../rego/ast.js";
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

/** The module's gate; its package must have no other module (see constantOf). */
export function gateOf(m: Module): Gate {
  const bodies: string[][] = [];
  for (const rule of m.rules) {
    if (!conftestKind(rule.path.slice(m.pkg.length).join("."))) continue;
    if (rule.isDefault || rule.dynamic.length > 0) return null;
    for (const body of [rule.body, ...rule.elses.map((e) => e.body)]) {
      const types = bodyGate(body, m);
      if (!types) return null;
      bodies.push(types);
    }
  }
  return bodies;
}

/** The types of the body's first gating literal, or undefined when it has none. */
function bodyGate(body: Body, m: Module): string[] | undefined {
  for (const lit of body) {
    if (lit.negated || lit.withs.length > 0) continue;
    const types = literalGate(lit, body, m);
    if (types) return types;
  }
  return undefined;
}

function literalGate(lit: Literal, body: Body, m: Module): string[] | undefined {
  const e = lit.expr;
  const terms =
    e.kind === "somein" ? [e.collection] : e.kind === "term" ? [e.term] : e.kind === "assign" ? [e.right] : [];
  if (e.kind === "unify") terms.push(e.left, e.right);
  for (const t of terms) {
    const types = byTypeRef(t, body, m);
    if (types) return types;
  }
  return undefined;
}

/**
 * The types a reference `data.planguard.resources_by_type.<T>...` can read:
 * [T] for a constant name; for a variable, the names a top-level
 * `some t in [...]` of the same body draws it from (the list written there,
 * or a constant of the module: `types := [...]`). Whatever follows, the
 * reference is undefined when the plan holds none of those types, and so is
 * the literal (a `some ... in` over it, a term, either side of `=` or `:=`).
 */
function byTypeRef(t: Term, body: Body, m: Module): string[] | undefined {
  if (t.type !== "ref" || t.head.type !== "root" || t.head.root !== "data") return undefined;
  if (t.path.length < 3) return undefined;
  for (let i = 0; i < BY_TYPE.length; i++) {
    const seg = t.path[i]!;
    if (seg.type !== "scalar" || seg.value !== BY_TYPE[i]) return undefined;
  }
  const key = t.path[2]!;
  if (key.type === "scalar") return typeof key.value === "string" ? [key.value] : undefined;
  if (key.type !== "var" || key.slot === undefined) return undefined;
  return namesBoundTo(key.slot, body, m);
}

/**
 * The string constants a top-level `some v in [...]` (or `{...}`), or
 * `some k, _ in {...}` for the object's keys, binds `slot` to; undefined
 * otherwise.
 */
function namesBoundTo(slot: number, body: Body, m: Module): string[] | undefined {
  for (const lit of body) {
    const e = lit.expr;
    if (lit.negated || lit.withs.length > 0 || e.kind !== "somein") continue;
    const isSlot = (t: Term | undefined) => t?.type === "var" && t.slot === slot;
    if (!isSlot(e.value) && !isSlot(e.key)) continue;
    const c = e.collection.type === "ref" ? constantOf(e.collection, m) : e.collection;
    if (c === undefined) return undefined;
    if (isSlot(e.key)) return c.type === "object" ? strings(c.entries.map(([k]) => k)) : undefined;
    return c.type === "array" || c.type === "set" ? strings(c.items) : undefined;
  }
  return undefined;
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

/**
 * The value of `ref` when it names a constant of this module: one rule at
 * that path, `name := <term>` with no body. The caller gates only modules
 * whose package has no other file, which could define the name again.
 */
function constantOf(ref: Term & { type: "ref" }, m: Module): Term | undefined {
  if (ref.head.type !== "root" || ref.head.root !== "data") return undefined;
  const path: string[] = [];
  for (const seg of ref.path) {
    if (seg.type !== "scalar" || typeof seg.value !== "string") return undefined;
    path.push(seg.value);
  }
  const rules = m.rules.filter((r) => r.path.length === path.length && r.path.every((p, i) => p === path[i]));
  const r = rules[0];
  if (rules.length !== 1 || !r || r.isDefault || r.dynamic.length > 0 || r.body.length > 0 || r.elses.length > 0)
    return undefined;
  return r.head.kind === "value" && r.head.assign === ":=" ? r.head.value : undefined;
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
