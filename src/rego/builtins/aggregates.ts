/** Aggregates over collections: count, sum, product, max, min, sort, any, all. */
import { type Value, RegoSet, asNumber, compare, isObject, objectSize } from "../value.js";
import { arrayOrSet, def, elementTypeError, typeError } from "./args.js";
import { beyondDouble, exactInt, fromExact } from "./exact-int.js";
import type { BuiltinDef } from "./types.js";

/** sum or product: on doubles, or exactly when all are integers and a double may have rounded. */
function fold(
  name: string,
  args: Value[],
  start: number,
  op: (a: number, b: number) => number,
  exact: (a: bigint, b: bigint) => bigint,
): Value {
  const r = numbersOf(name, args).reduce(op, start);
  if (!Number.isInteger(r) && Number.isFinite(r)) return r;
  const items = arrayOrSet(name, args, 0);
  if (!beyondDouble(r, ...items)) return r;
  let acc = BigInt(start);
  for (const item of items) {
    const x = exactInt(item);
    if (x === undefined) return r;
    acc = exact(acc, x);
  }
  return fromExact(acc);
}

/** The values of the numbers in an array or set (sum and product compute on values: sum([1.0]) is 1). */
function numbersOf(name: string, args: Value[]): number[] {
  const items = arrayOrSet(name, args, 0);
  const out: number[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const n = asNumber(items[i]);
    if (n === undefined) throw elementTypeError(name, 1, args[0] as Value, items[i] as Value, "number");
    out[i] = n;
  }
  return out;
}

function count(args: Value[]): Value {
  const v = args[0] as Value;
  if (typeof v === "string") {
    // Code points, not UTF-16 units.
    let n = 0;
    for (const _ of v) n++;
    return n;
  }
  if (Array.isArray(v)) return v.length;
  if (v instanceof RegoSet) return v.size;
  if (isObject(v)) return objectSize(v);
  throw typeError("count", 1, v, "array", "object", "set", "string");
}

function extreme(name: string, args: Value[], sign: 1 | -1): Value | undefined {
  const items = arrayOrSet(name, args, 0);
  if (items.length === 0) return undefined; // OPA: max([]) is undefined.
  let best: Value = items[0] as Value;
  for (const v of items) if (sign * compare(v, best) > 0) best = v;
  return best;
}

export const aggregateBuiltins: readonly BuiltinDef[] = [
  def("count", 1, count),
  def("sum", 1, (args) =>
    fold(
      "sum",
      args,
      0,
      (a, b) => a + b,
      (a, b) => a + b,
    ),
  ),
  def("product", 1, (args) =>
    fold(
      "product",
      args,
      1,
      (a, b) => a * b,
      (a, b) => a * b,
    ),
  ),
  def("max", 1, (args) => extreme("max", args, 1)),
  def("min", 1, (args) => extreme("min", args, -1)),
  def("sort", 1, (args) => [...arrayOrSet("sort", args, 0)].sort(compare)),
  // Deprecated in OPA, still accepted by policies in the wild.
  def("any", 1, (args) => arrayOrSet("any", args, 0).some((v) => v === true)),
  def("all", 1, (args) => arrayOrSet("all", args, 0).every((v) => v === true)),
];
