import {
  compileModules,
  RegoError,
  type CompileOptions,
  type EvaluateOptions,
  type QueryResult,
} from "../../src/rego/index.js";
import { toJSON, type Value } from "../../src/rego/value.js";

/** Compiles one module (file "test.rego") and returns the compiled policies. */
export function compileOne(text: string, options: CompileOptions = {}) {
  return compileModules([{ file: "test.rego", text }], options);
}

/** The JSON form (sets as sorted arrays) of `data.<ref>` after compiling `text`. */
export function evalJSON(
  text: string,
  ref: string,
  options: EvaluateOptions & { compile?: CompileOptions } = {},
): unknown {
  const { compile, ...evalOptions } = options;
  const v = compileOne(text, compile).evaluate(ref, evalOptions);
  return v === undefined ? undefined : toJSON(v);
}

/** Query results as JSON bindings. */
export function queryJSON(text: string, query: string, options: EvaluateOptions = {}): Record<string, unknown>[] {
  return compileOne(text)
    .query(query, options)
    .map((r: QueryResult) => toJSON(r.bindings as Value) as Record<string, unknown>);
}

/** The RegoError a function throws (fails the test when it throws nothing or something else). */
export function regoError(f: () => unknown): RegoError {
  try {
    f();
  } catch (err) {
    if (err instanceof RegoError) return err;
    throw err;
  }
  throw new Error("expected a RegoError, nothing was thrown");
}
