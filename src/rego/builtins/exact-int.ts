/**
 * Exact integers for arithmetic beyond 2^53. OPA computes on big numbers;
 * planguard's numbers are doubles, but an integer literal keeps its text
 * (RegoNumber), so `+ - * %`, `abs`, `sum` and `product` of integers can be
 * done exactly in BigInt when a double would round: when an operand or the
 * double result is beyond 2^53. The result keeps its digits as a
 * RegoNumber's text (sprintf and json.marshal print them; comparisons
 * still see the double, see docs/rego-known-failures.md).
 */
import { type Value, RegoNumber, numberValue } from "../value.js";

/** An integral exponent form ("1e30", "2.5E3") beyond this is left to doubles (its digits would be costly). */
const MAX_EXPONENT = 400;

/** The exact integer a number denotes, or undefined when it is not an integer. */
export function exactInt(v: Value | undefined): bigint | undefined {
  // A plain double is the integer it prints as (formatNumber: its exact binary value).
  if (typeof v === "number") return Number.isInteger(v) ? BigInt(v) : undefined;
  if (!(v instanceof RegoNumber)) return undefined;
  const t = v.text;
  if (/^-?\d+$/.test(t)) return BigInt(t);
  const m = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(t);
  if (!m) return undefined;
  const frac = m[3] ?? "";
  const exp = Number(m[4]);
  if (exp > MAX_EXPONENT || exp < frac.length || /[1-9]/.test(frac.slice(exp))) {
    return Number.isSafeInteger(v.value) ? BigInt(v.value) : undefined;
  }
  const digits = m[2]! + frac.padEnd(exp, "0");
  return BigInt(m[1]! + digits);
}

/** Whether a double computation on these numbers may have rounded an integer: the result or an integral operand is beyond 2^53. */
export function beyondDouble(result: number, ...operands: Value[]): boolean {
  if (Number.isInteger(result) && !Number.isSafeInteger(result)) return true;
  return operands.some((o) => {
    if (typeof o !== "number" && !(o instanceof RegoNumber)) return false;
    const v = numberValue(o);
    return Number.isInteger(v) && !Number.isSafeInteger(v);
  });
}

/**
 * A BigInt as a Rego number: a plain number within 2^53, else a RegoNumber
 * with its digits, even where they happen to be the double's canonical
 * text (2^63): readers of a plain double beyond 2^53 take it as its
 * shortest decimal (sprintf, time builtins), which would lose them.
 */
export function fromExact(n: bigint): number | RegoNumber {
  const plain = Number(n);
  if (Number.isSafeInteger(plain)) return plain === 0 ? 0 : plain;
  return new RegoNumber(plain, n.toString());
}
