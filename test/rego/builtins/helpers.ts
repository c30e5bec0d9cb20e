import { BUILTINS, BuiltinError, type BuiltinContext } from "../../../src/rego/builtins/index.js";
import { type Value, RegoSet } from "../../../src/rego/value.js";

let queries = 0n;

/** A context for a new query (each has its own nowNs, which identifies the query). */
export const ctx = (): BuiltinContext => ({ strict: true, nowNs: 1_700_000_000_000_000_000n + queries++ });

/** Calls a builtin by name with a fresh context (or the one given). */
export function call(name: string, args: Value[], context: BuiltinContext = ctx()): Value | undefined {
  const def = BUILTINS.get(name);
  if (def === undefined) throw new Error(`no builtin ${name}`);
  if (def.arity !== args.length) throw new Error(`${name} takes ${def.arity} arguments`);
  return def.impl(args, context);
}

/** The BuiltinError a call throws. */
export function failure(name: string, args: Value[]): BuiltinError {
  try {
    call(name, args);
  } catch (e) {
    if (e instanceof BuiltinError) return e;
    throw e;
  }
  throw new Error(`${name} did not fail`);
}

export const set = (...xs: Value[]): RegoSet => new RegoSet(xs);
