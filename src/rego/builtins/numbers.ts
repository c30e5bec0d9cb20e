/**
 * Arithmetic and number builtins.
 *
 * Numbers are JavaScript doubles (see value.ts). OPA computes with arbitrary
 * precision; here `+ - * %` and `abs` of integers are exact at any size
 * (BigInt, see exact-int.ts, when a double would round), and everything
 * else is IEEE-754 double arithmetic, so `15.3 / 3` is 5.1000000000000005
 * as in regorus. bits.* refuse numbers beyond 2^53 the way OPA refuses
 * floats.
 */
import { type Value, RegoSet, isNumber, numberInt } from "../value.js";
import { builtinError, def, int, limitError, memoPerQuery, num, typeError } from "./args.js";
import { beyondDouble, exactInt, fromExact } from "./exact-int.js";
import type { BuiltinDef } from "./types.js";

/**
 * An arithmetic builtin on two numbers: doubles, unless both are integers
 * and a double may have rounded, then exact.
 */
function arithmetic(
  name: string,
  onDoubles: (a: number, b: number) => number,
  onIntegers: (a: bigint, b: bigint) => bigint,
) {
  return (args: Value[]): Value => {
    const r = onDoubles(num(name, args, 0), num(name, args, 1));
    if (Number.isInteger(r) || !Number.isFinite(r)) {
      const a = args[0]!;
      const b = args[1]!;
      // Plain numbers within 2^53 and a result within it (`n + 1`, nearly every call): nothing rounded.
      const exact = Number.isSafeInteger(r) && safePlain(a) && safePlain(b);
      if (!exact && beyondDouble(r, a, b)) {
        const x = exactInt(a);
        const y = x === undefined ? undefined : exactInt(b);
        if (x !== undefined && y !== undefined) return fromExact(onIntegers(x, y));
      }
    }
    return finite(name, r);
  };
}

/** A plain number that is no integer beyond 2^53. */
const safePlain = (v: Value): boolean => typeof v === "number" && (Number.isSafeInteger(v) || !Number.isInteger(v));

const plus = arithmetic(
  "plus",
  (a, b) => a + b,
  (a, b) => a + b,
);
const times = arithmetic(
  "mul",
  (a, b) => a * b,
  (a, b) => a * b,
);
const numericMinus = arithmetic(
  "minus",
  (a, b) => a - b,
  (a, b) => a - b,
);

/** Guards against producing NaN or infinities, which Rego has no value for. */
function finite(name: string, n: number): number {
  if (!Number.isFinite(n)) throw builtinError(name, "arithmetic result is not a finite number");
  // -0 is not a Rego value; JSON prints it as 0.
  return n === 0 ? 0 : n;
}

function minus(args: Value[]): Value {
  const [a, b] = args as [Value, Value];
  // A RegoNumber is its value in arithmetic (OPA computes on big floats: 1.0 - 1 is 0).
  if (isNumber(a) && isNumber(b)) return numericMinus(args);
  if (a instanceof RegoSet && b instanceof RegoSet) {
    const out = new RegoSet();
    for (const v of a) if (!b.has(v)) out.addDuringConstruction(v);
    return out;
  }
  if (isNumber(a) || a instanceof RegoSet) {
    throw typeError("minus", 2, b, isNumber(a) ? "number" : "set");
  }
  throw typeError("minus", 1, a, "number", "set");
}

function rem(args: Value[]): Value {
  const a = num("rem", args, 0);
  const b = num("rem", args, 1);
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    if (b === 0) throw builtinError("rem", "modulo by zero");
    return a % b === 0 ? 0 : a % b; // Go's % truncates toward zero, like JS.
  }
  // Beyond 2^53: exactly, on the integers' texts (OPA's big.Int).
  const x = exactInt(args[0]);
  const y = exactInt(args[1]);
  if (x === undefined || y === undefined) throw builtinError("rem", "modulo on floating-point number");
  if (y === 0n) throw builtinError("rem", "modulo by zero");
  return fromExact(x % y);
}

function abs(args: Value[]): Value {
  const n = num("abs", args, 0);
  if (beyondDouble(0, args[0] as Value)) {
    const x = exactInt(args[0]);
    if (x !== undefined) return fromExact(x < 0n ? -x : x);
  }
  return Math.abs(n);
}

/** Go's math.Round: half away from zero (JS Math.round rounds half up). */
function roundHalfAway(n: number): number {
  const r = Math.sign(n) * Math.round(Math.abs(n));
  return r === 0 ? 0 : r;
}

/** numbers.range / range_step: inclusive, counting down when start > end. */
function range(name: string, start: number, end: number, step: number): Value[] {
  const out: number[] = [];
  const count = Math.floor(Math.abs(end - start) / step) + 1;
  if (count > 10_000_000) throw limitError(name, `range too large (${count} numbers, limit 10000000)`);
  if (start <= end) for (let i = start; i <= end; i += step) out.push(i);
  else for (let i = start; i >= end; i -= step) out.push(i);
  return out;
}

/** rand.intn is random, but memoized per query (see memoPerQuery). */
function randomBelow(n: number): number {
  return Math.floor(Math.random() * n);
}

export const numberBuiltins: readonly BuiltinDef[] = [
  def("plus", 2, plus),
  def("minus", 2, minus),
  def("mul", 2, times),
  def("div", 2, (args) => {
    const a = num("div", args, 0);
    const b = num("div", args, 1);
    if (b === 0) throw builtinError("div", "divide by zero");
    return finite("div", a / b);
  }),
  def("rem", 2, rem),
  def("abs", 1, abs),
  def("ceil", 1, (args) => finite("ceil", Math.ceil(num("ceil", args, 0)))),
  def("floor", 1, (args) => finite("floor", Math.floor(num("floor", args, 0)))),
  def("round", 1, (args) => roundHalfAway(num("round", args, 0))),
  def("numbers.range", 2, (args) => {
    const a = int("numbers.range", args, 0);
    const b = int("numbers.range", args, 1);
    return range("numbers.range", a, b, 1);
  }),
  def("numbers.range_step", 3, (args) => {
    const a = int("numbers.range_step", args, 0);
    const b = int("numbers.range_step", args, 1);
    const step = int("numbers.range_step", args, 2);
    if (step <= 0) throw builtinError("numbers.range_step", "step must be a positive number above zero");
    return range("numbers.range_step", a, b, step);
  }),
  def("rand.intn", 2, (args, ctx) => {
    if (typeof args[0] !== "string") throw typeError("rand.intn", 1, args[0] as Value, "string");
    num("rand.intn", args, 1);
    // regorus and OPA's non-strict mode: a fractional bound is undefined
    // (OPA's IntOperand reads the text: 10.0 is fractional there too).
    const n = numberInt(args[1]);
    if (n === undefined) return undefined;
    if (n === 0) return 0;
    const bound = Math.abs(n);
    // Same seed string and bound within one query give the same number.
    return memoPerQuery(ctx, `rand.intn\0${args[0]}\0${bound}`, () => randomBelow(bound));
  }),
];
