/**
 * Errors of the Rego engine, with OPA's codes:
 *   parse/compile: rego_parse_error, rego_compile_error, rego_type_error,
 *                  rego_unsafe_var_error, rego_recursion_error
 *   evaluation:    eval_conflict_error, eval_type_error, eval_builtin_error,
 *                  eval_cancel_error (time budget), eval_depth_error (depth budget)
 */
export interface Location {
  file: string;
  line: number;
  col: number;
}

export type RegoErrorCode =
  | "rego_parse_error"
  | "rego_compile_error"
  | "rego_type_error"
  | "rego_unsafe_var_error"
  | "rego_recursion_error"
  | "eval_conflict_error"
  | "eval_type_error"
  | "eval_builtin_error"
  | "eval_cancel_error"
  | "eval_depth_error";

export class RegoError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly col: number | undefined;
  /** Every problem found, when a compile reports several (this error is the first). */
  readonly errors: RegoError[];

  constructor(
    readonly code: RegoErrorCode | string,
    message: string,
    where?: Partial<Location>,
    errors?: RegoError[],
  ) {
    super(message);
    this.name = "RegoError";
    this.file = where?.file || undefined;
    this.line = where?.line || undefined;
    this.col = where?.col || undefined;
    this.errors = errors ?? [this];
  }

  /** `file:line:col: code: message`, as OPA prints it. */
  describe(): string {
    return this.errors.map(describeOne).join("\n");
  }

  /** Several problems as one error: the first one's code and place, every message. */
  static aggregate(errors: RegoError[]): RegoError {
    if (errors.length === 1) return errors[0]!;
    const first = errors[0]!;
    const message = `${errors.length} errors occurred:\n${errors.map(describeOne).join("\n")}`;
    return new RegoError(first.code, message, { file: first.file, line: first.line, col: first.col }, errors);
  }
}

function describeOne(e: RegoError): string {
  const where = e.file ? `${e.file}${e.line ? `:${e.line}${e.col ? `:${e.col}` : ""}` : ""}: ` : "";
  return `${where}${e.code}: ${e.message}`;
}
