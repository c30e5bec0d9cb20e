/**
 * Operand checks shared by every family, with OPA's error wording:
 *   "count: operand 1 must be one of {array, object, set, string} but got number"
 * Positions are 1-based, as in OPA's messages.
 */
import { type ObjectValue, type Value, RegoNumber, RegoSet, isObject, numberInt, typeName } from "../value.js";
import { BuiltinError, BuiltinLimitError, type BuiltinContext, type BuiltinDef } from "./types.js";

export type Impl = (args: Value[], ctx: BuiltinContext) => Value | undefined;

/** Shorthand for a builtin definition. */
export function def(name: string, arity: number, impl: Impl): BuiltinDef {
  return { name, arity, impl };
}

function describeExpected(expected: readonly string[]): string {
  return expected.length === 1 ? expected[0]! : `one of {${[...expected].sort().join(", ")}}`;
}

export function typeError(name: string, pos: number, got: Value, ...expected: string[]): BuiltinError {
  return new BuiltinError(
    "eval_type_error",
    `${name}: operand ${pos} must be ${describeExpected(expected)} but got ${typeName(got)}`,
  );
}

/**
 * A type error listing the expected types in the order given, for the
 * builtins whose OPA message does not sort them (object.filter,
 * object.remove: "one of {object, set, array}").
 */
export function typeErrorAsListed(name: string, pos: number, got: Value, ...expected: string[]): BuiltinError {
  return new BuiltinError(
    "eval_type_error",
    `${name}: operand ${pos} must be one of {${expected.join(", ")}} but got ${typeName(got)}`,
  );
}

/** A type error about an element of a collection operand. */
export function elementTypeError(
  name: string,
  pos: number,
  collection: Value,
  element: Value,
  expected: string,
): BuiltinError {
  return new BuiltinError(
    "eval_type_error",
    `${name}: operand ${pos} must be ${typeName(collection)} of ${expected} but got ${typeName(collection)} containing ${typeName(element)}`,
  );
}

export function builtinError(name: string, message: string): BuiltinError {
  return new BuiltinError("eval_builtin_error", `${name}: ${message}`);
}

/** A planguard-only limit hit (see BuiltinLimitError): an error of the rule, never undefined. */
export function limitError(name: string, message: string): BuiltinLimitError {
  return new BuiltinLimitError(`${name}: ${message} (a limit of planguard, not of OPA)`);
}

export function str(name: string, args: Value[], i: number): string {
  const v = args[i] as Value;
  if (typeof v !== "string") throw typeError(name, i + 1, v, "string");
  return v;
}

/** A number operand's value (OPA's NumberOperand; a RegoNumber's text does not matter here). */
export function num(name: string, args: Value[], i: number): number {
  const v = args[i] as Value;
  if (typeof v === "number") return v;
  if (v instanceof RegoNumber) return v.value;
  throw typeError(name, i + 1, v, "number");
}

function notAnInteger(name: string, i: number): BuiltinError {
  return new BuiltinError(
    "eval_type_error",
    `${name}: operand ${i + 1} must be integer number but got floating-point number`,
  );
}

/**
 * An integer-valued number, by value (OPA's BigIntOperand: the number as a
 * big float must be an exact integer, so `1.0` and `1e3` are integers):
 * numbers.range, bits.*.
 */
export function int(name: string, args: Value[], i: number): number {
  const v = num(name, args, i);
  if (!Number.isInteger(v)) throw notAnInteger(name, i);
  return v;
}

/**
 * An integer by its text (OPA's IntOperand: Number.Int parses the text as an
 * int64, so `1.0` and `1e3` are refused, `-0` is 0): array.slice, substring,
 * regex.find_n, time.add_date.
 */
export function textInt(name: string, args: Value[], i: number): number {
  const v = args[i] as Value;
  if (typeof v !== "number" && !(v instanceof RegoNumber)) throw typeError(name, i + 1, v, "number");
  const n = numberInt(v);
  if (n === undefined) throw notAnInteger(name, i);
  return n;
}

export function arr(name: string, args: Value[], i: number): Value[] {
  const v = args[i] as Value;
  if (!Array.isArray(v)) throw typeError(name, i + 1, v, "array");
  return v;
}

export function obj(name: string, args: Value[], i: number): ObjectValue {
  const v = args[i] as Value;
  if (!isObject(v)) throw typeError(name, i + 1, v, "object");
  return v;
}

export function set(name: string, args: Value[], i: number): RegoSet {
  const v = args[i] as Value;
  if (!(v instanceof RegoSet)) throw typeError(name, i + 1, v, "set");
  return v;
}

/** The members of an array or a set operand. */
export function arrayOrSet(name: string, args: Value[], i: number): Value[] {
  const v = args[i] as Value;
  if (Array.isArray(v)) return v;
  if (v instanceof RegoSet) return [...v];
  throw typeError(name, i + 1, v, "array", "set");
}

/** Strings of an array or set operand, each checked. */
export function stringsOf(name: string, args: Value[], i: number): string[] {
  const v = args[i] as Value;
  const items = arrayOrSet(name, args, i);
  for (const item of items) {
    if (typeof item !== "string") throw elementTypeError(name, i + 1, v, item, "string");
  }
  return items as string[];
}

/** Code points of a string: Rego counts and indexes strings by code point. */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/**
 * A JS integer as a BigInt, preserving the number as it was written. Above
 * 2^53 a double is inexact; String(n) gives the shortest decimal that reads
 * back as the same double, which is what the literal was (1703444325734390000
 * rather than its binary expansion ...016).
 */
export function toBigInt(n: number): bigint {
  if (Number.isSafeInteger(n)) return BigInt(n);
  const s = String(n);
  if (/^-?\d+$/.test(s)) return BigInt(s);
  return BigInt(n); // exponent form (>= 1e21): integral, so exact.
}

/**
 * Per-query memory for builtins that must return the same value for the
 * same arguments within one query (rand.intn, uuid.rfc4122), as OPA caches
 * them per query. The query is identified by ctx.nowNs, which the evaluator
 * fixes per query evaluation: contexts may be fresh objects per call. Only
 * the most recent queries are remembered.
 */
const perQuery = new Map<bigint, Map<string, Value>>();
const REMEMBERED_QUERIES = 32;

export function memoPerQuery(ctx: BuiltinContext, key: string, make: () => Value): Value {
  let m = perQuery.get(ctx.nowNs);
  if (m === undefined) {
    if (perQuery.size >= REMEMBERED_QUERIES) perQuery.delete(perQuery.keys().next().value as bigint);
    m = new Map();
    perQuery.set(ctx.nowNs, m);
  }
  let v = m.get(key);
  if (v === undefined) {
    v = make();
    m.set(key, v);
  }
  return v;
}
