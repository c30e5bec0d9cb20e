/**
 * The contract between the builtin functions and the evaluator. Kept apart
 * from index.ts so that each family module can import it without importing
 * the registry (which imports every family).
 */
import type { Location } from "../errors.js";
import type { Value } from "../value.js";

export interface BuiltinContext {
  /** Strict builtin errors: the evaluator decides; builtins always throw. */
  strict: boolean;
  /** Fixed per query evaluation, for time.now_ns. */
  nowNs: bigint;
  print?: (line: string, loc: Location) => void;
  /** Where `trace` records its note (OPA's Note trace event); without it notes are dropped. */
  note?: (message: string) => void;
}

export type BuiltinErrorCode = "eval_type_error" | "eval_builtin_error";

export class BuiltinError extends Error {
  constructor(
    public code: BuiltinErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "BuiltinError";
  }
}

/**
 * A limit planguard sets and OPA does not (net.cidr_expand's size,
 * yaml.unmarshal's aliases, numbers.range's length). OPA would compute the
 * value, so treating the call as undefined would make a `deny` silently not
 * fire: the evaluator fails the rule instead, in strict mode or not.
 */
export class BuiltinLimitError extends BuiltinError {
  constructor(message: string) {
    super("eval_builtin_error", message);
    this.name = "BuiltinLimitError";
  }
}

export interface BuiltinDef {
  /** "count", "object.get", "plus", "regex.match" ... */
  name: string;
  /** Number of input arguments. */
  arity: number;
  /** Returns the output, or undefined when the call is undefined. */
  impl: (args: Value[], ctx: BuiltinContext) => Value | undefined;
  /** A relation yields several outputs (e.g. walk): impl returns an array of them. */
  relation?: boolean;
  /**
   * Deprecated in OPA (any, all, re_match, cast_*, net.cidr_overlap):
   * still callable, but a compile error in rego.v1 modules.
   */
  deprecated?: boolean;
}
