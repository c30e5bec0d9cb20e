import type { Value } from "../value.js";

/** Rego's abstract syntax, as the parser builds it and the evaluator reads it. */
export interface Loc {
  file: string;
  line: number;
  col: number;
}

export type Term =
  | { t: "value"; v: Value; loc: Loc }
  | { t: "var"; name: string; loc: Loc }
  | { t: "ref"; head: Term; path: Term[]; loc: Loc }
  | { t: "array"; items: Term[]; loc: Loc }
  | { t: "object"; entries: [Term, Term][]; loc: Loc }
  | { t: "set"; items: Term[]; loc: Loc }
  /** `operator`: written as an infix operator, so always the builtin, never a rule of that name. */
  | { t: "call"; name: string[]; args: Term[]; loc: Loc; operator?: true }
  | { t: "arraycomp"; term: Term; body: Body; loc: Loc }
  | { t: "setcomp"; term: Term; body: Body; loc: Loc }
  | { t: "objcomp"; key: Term; value: Term; body: Body; loc: Loc };

export interface With {
  target: Term;
  value: Term;
}

export type Literal =
  | { kind: "expr"; term: Term; negated: boolean; withs: With[]; loc: Loc }
  | { kind: "unify"; left: Term; right: Term; negated: boolean; withs: With[]; loc: Loc }
  | { kind: "assign"; left: Term; right: Term; withs: With[]; loc: Loc }
  | { kind: "some"; vars: string[]; loc: Loc }
  /** `some k, v in xs` (declare: fresh locals) or the membership `k, v in xs` (declare: false). */
  | { kind: "somein"; key?: Term; value: Term; collection: Term; declare: boolean; negated: boolean; withs: With[]; loc: Loc }
  | { kind: "every"; key?: Term; value: Term; collection: Term; body: Body; negated: boolean; withs: With[]; loc: Loc };

export type Body = Literal[];

export type RuleKind = "complete" | "set" | "object" | "function";

export interface Rule {
  /** Rule path under the package: ["deny"], or ["a", "b"] for a ref head a.b := 1. */
  path: string[];
  kind: RuleKind;
  /** The key of a partial set member or partial object entry. */
  key?: Term;
  /** The value (complete rules, objects, functions); `true` when absent. */
  value?: Term;
  args?: Term[];
  body: Body;
  /** else branches, tried in order when the body fails. */
  elses: { value?: Term; body: Body }[];
  isDefault: boolean;
  loc: Loc;
  annotation?: Record<string, unknown>;
}

export interface Import {
  path: string[];
  alias: string;
}

export interface Module {
  file: string;
  pkg: string[];
  imports: Import[];
  rules: Rule[];
  annotation?: Record<string, unknown>;
}
