/**
 * units.parse ("10k" -> 10000, "250m" -> 0.25, "1Ki" -> 1024) and
 * units.parse_bytes ("1.5KB" -> 1500, "1GiB" -> 1073741824).
 *
 * Decimal factors are applied by shifting the decimal exponent of the
 * written number (Number("1.1e-3")), so 1.1m is 0.0011 exactly as a double,
 * not 1.1 * 0.001. Beyond OPA's units, the prefixes regorus accepts (Q, R,
 * Y, Z, h, da, d, c, μ, n, f, a, z, y, r, q; Zi, Yi) are accepted too.
 *
 * A string that is not a quantity (unknown unit, no number) makes the call
 * undefined, as in regorus and in OPA's default non-strict mode; spaces are
 * an error, as in both.
 */
import type { Value } from "../value.js";
import { builtinError, def, str } from "./args.js";
import type { BuiltinDef } from "./types.js";

type Factor = { pow10: number } | { pow2: number };

const DECIMAL: Record<string, number> = {
  Q: 30, R: 27, Y: 24, Z: 21, E: 18, e: 18, P: 15, p: 15, T: 12, t: 12, G: 9, g: 9,
  M: 6, K: 3, k: 3, h: 2, da: 1, "": 0, d: -1, c: -2, m: -3, "μ": -6, "µ": -6, n: -9,
  f: -15, a: -18, z: -21, y: -24, r: -27, q: -30,
};

const BINARY: Record<string, number> = { ki: 10, mi: 20, gi: 30, ti: 40, pi: 50, ei: 60, zi: 70, yi: 80 };

/** Splits "10.5Ki" into "10.5" and "Ki"; the number may use an exponent. */
function splitQuantity(s: string): [string, string] {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,6}(?![0-9]))?)(.*)$/s.exec(s);
  // "1e" followed by a non-digit is the unit "e" (exa), not an exponent.
  if (m === null) return ["", s];
  return [m[1]!, m[2]!];
}

function scale(num: string, f: Factor): number {
  if ("pow10" in f) {
    const [mant, exp] = num.toLowerCase().split("e") as [string, string | undefined];
    return Number(`${mant}e${Number(exp ?? 0) + f.pow10}`);
  }
  return Number(num) * 2 ** f.pow2;
}

function unitsFactor(unit: string): Factor | undefined {
  // As OPA: only the first letter keeps its case, so m (milli) and M (mega) differ.
  const u = unit.length > 1 ? unit[0] + unit.slice(1).toLowerCase() : unit;
  if (u in DECIMAL) return { pow10: DECIMAL[u]! };
  const lower = u.toLowerCase();
  if (lower.length === 2 && lower in BINARY) return { pow2: BINARY[lower]! };
  return undefined;
}

function bytesFactor(unit: string): Factor | undefined {
  const u = unit.toLowerCase();
  if (u === "" || u === "b") return { pow10: 0 };
  const binary = /^([kmgtpezy]i)b?$/.exec(u);
  if (binary) return { pow2: BINARY[binary[1]!]! };
  const decimal = /^([kmgtpezyrq])b?$/.exec(u);
  if (decimal) {
    const exps: Record<string, number> = { k: 3, m: 6, g: 9, t: 12, p: 15, e: 18, z: 21, y: 24, r: 27, q: 30 };
    return { pow10: exps[decimal[1]!]! };
  }
  return undefined;
}

function parse(name: string, args: Value[], factorOf: (unit: string) => Factor | undefined, integer: boolean): Value | undefined {
  const s = str(name, args, 0).replaceAll('"', "");
  if (s.includes(" ")) throw builtinError(name, "spaces not allowed in resource strings");
  const [num, unit] = splitQuantity(s);
  if (num === "") return undefined;
  const factor = factorOf(unit);
  if (factor === undefined) return undefined;
  const v = scale(num, factor);
  if (!Number.isFinite(v)) return undefined;
  return integer ? Math.trunc(v) : v;
}

export const unitBuiltins: readonly BuiltinDef[] = [
  def("units.parse", 1, (args) => parse("units.parse", args, unitsFactor, false)),
  def("units.parse_bytes", 1, (args) => parse("units.parse_bytes", args, bytesFactor, true)),
];
