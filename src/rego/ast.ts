/**
 * Rego's abstract syntax. The parser builds it; the compiler then resolves
 * names in place (a local variable gets a frame slot, a global name becomes a
 * reference into `data` or `input`) and reorders bodies for safety; the
 * evaluator reads the result.
 */
import type { Location } from "./errors.js";
import type { RegoNumber } from "./value.js";

export type Loc = Location;

/** A number literal not written canonically (`1.0`) is a RegoNumber, which keeps its text (see value.ts). */
export type Scalar = null | boolean | number | string | RegoNumber;

export type Term =
  | { type: "scalar"; value: Scalar; loc: Loc }
  /** A variable. After compilation `slot` is its index in the rule's frame. */
  | { type: "var"; name: string; loc: Loc; slot?: number }
  /** The root of a global document: `data` or `input` (only after compilation). */
  | { type: "root"; root: "data" | "input"; loc: Loc }
  | { type: "ref"; head: Term; path: Term[]; loc: Loc }
  | { type: "array"; items: Term[]; loc: Loc }
  | { type: "object"; entries: [Term, Term][]; loc: Loc }
  | { type: "set"; items: Term[]; loc: Loc }
  /** A call as written (`f`, `x.y.z`); the compiler sets `target`. */
  | { type: "call"; name: string; args: Term[]; loc: Loc; target?: CallTarget }
  | { type: "arraycomp"; term: Term; body: Body; loc: Loc }
  | { type: "setcomp"; term: Term; body: Body; loc: Loc }
  | { type: "objcomp"; key: Term; value: Term; body: Body; loc: Loc };

export type CallTarget =
  /** A builtin (or an operator mapped to one), by name. */
  | { kind: "builtin"; name: string }
  /** A user function: its absolute path under data. */
  | { kind: "function"; path: string[] }
  /** Evaluator-supported calls: print, internal.member_2/3, rego.metadata.*. */
  | { kind: "special"; name: string };

export interface With {
  target: Term;
  value: Term;
  loc: Loc;
}

export type Expr =
  /** A term evaluated for its value: false fails, anything else holds. */
  | { kind: "term"; term: Term }
  | { kind: "unify"; left: Term; right: Term }
  | { kind: "assign"; left: Term; right: Term }
  | { kind: "some"; vars: Term[] }
  | { kind: "somein"; key?: Term; value: Term; collection: Term }
  | { kind: "every"; key?: Term; value: Term; domain: Term; body: Body };

export interface Literal {
  expr: Expr;
  negated: boolean;
  withs: With[];
  loc: Loc;
  /** Position as written (queries report expression values in that order). */
  index?: number;
  /** Set by the compiler when the iteration can use an index (see compiler/scan-index.ts). */
  scan?: ScanIndex;
  /** Always true where it runs, because an indexed iteration before it guarantees it. */
  implied?: boolean;
}

/** An iteration over `collection` whose members must have `field` equal to `value`. */
export interface ScanIndex {
  collection: Term;
  valueSlot: number;
  /** The key variable (`coll[k]`), absent for `some x in coll`. */
  keySlot?: number;
  viaMembers: boolean;
  field: string[];
  value: import("./value.js").Value;
}

export type Body = Literal[];

/**
 * A rule's head. `ref` is the head's reference: a string name followed by
 * path terms (`a.b[x]` is ["a", "b", x]).
 */
export interface RuleHead {
  ref: Term[];
  kind: "value" | "contains" | "function";
  args?: Term[];
  /** The member (contains rules). */
  key?: Term;
  /** The value; absent means `true`. */
  value?: Term;
  /** `:=` or `=` (or none). */
  assign?: ":=" | "=";
  loc: Loc;
}

export interface ElseBranch {
  value?: Term;
  body: Body;
  loc: Loc;
}

export interface Annotation {
  scope: "rule" | "document" | "package" | "subpackages";
  title?: string;
  description?: string;
  custom?: Record<string, unknown>;
  /** Every key of the block, as YAML gave it (title, authors, related_resources ...). */
  raw: Record<string, unknown>;
  loc: Loc;
}

export interface Rule {
  head: RuleHead;
  body: Body;
  elses: ElseBranch[];
  isDefault: boolean;
  loc: Loc;
  /** Annotations written right above this rule. */
  annotations: Annotation[];
  module: Module;
  // Set by the compiler:
  /** Absolute path of the rule's static prefix, without "data". */
  path: string[];
  /** Head terms after the static prefix (general ref heads: `a.b[x].c`). */
  dynamic: Term[];
  /** Frame size: how many local variables the rule's bodies use. */
  slots: number;
  /** Names of the slots, for messages. */
  slotNames: string[];
}

export interface Import {
  /** ["data", "x", "y"] or ["input", ...], or ["future", "keywords", ...], ["rego", "v1"]. */
  path: string[];
  alias: string;
  loc: Loc;
}

export interface Module {
  file: string;
  pkg: string[];
  pkgLoc: Loc;
  imports: Import[];
  rules: Rule[];
  /** Annotations on the package statement. */
  annotations: Annotation[];
  regoVersion: "v0" | "v1";
}

/**
 * A term's direct children that are evaluated in the same scope: a ref's
 * head and path, the items of arrays and sets, object keys and values, call
 * arguments. Comprehensions open a scope of their own, so they have none
 * here; each compiler pass decides how to enter them.
 */
export function directSubterms(t: Term): Term[] {
  switch (t.type) {
    case "ref":
      return [t.head, ...t.path];
    case "array":
    case "set":
      return t.items;
    case "object":
      return t.entries.flat();
    case "call":
      return t.args;
    default:
      return [];
  }
}

/**
 * The terms an expression evaluates in its literal's own scope: operands,
 * and for `every` its key, value and domain (its body is a scope of its own,
 * which each pass enters as it needs). `some x` declares and evaluates nothing.
 */
export function exprTerms(e: Expr): Term[] {
  switch (e.kind) {
    case "term":
      return [e.term];
    case "unify":
    case "assign":
      return [e.left, e.right];
    case "somein":
      return e.key ? [e.key, e.value, e.collection] : [e.value, e.collection];
    case "every":
      return e.key ? [e.key, e.value, e.domain] : [e.value, e.domain];
    case "some":
      return [];
  }
}
