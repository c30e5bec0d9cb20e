/**
 * sprintf with Go's fmt semantics, fed the way OPA feeds it: an integer
 * number is a Go int, any other number a float64, a string a Go string, and
 * every other value (booleans, null, arrays, objects, sets) the string of
 * its Rego form. So sprintf("%v", [{"a": 1}]) is `{"a": 1}`, and a verb that
 * does not fit its operand prints Go's `%!d(string=x)` rather than failing.
 * A number literal that kept its text (RegoNumber) is a float64 when the
 * text has a fraction or exponent, even if integral (OPA's isFloatNumber
 * reads the text: `sprintf("%v", [1.0])` is "1", `sprintf("%d", [1.0])` is
 * `%!d(float64=1)`), else an integer of its exact text (`-0` is 0); inside a
 * collection it prints as written (`sprintf("%v", [[1.0]])` is "[1.0]").
 */
import { type Value, RegoNumber, formatValue } from "../value.js";
import { toBigInt } from "./args.js";

type Arg = { kind: "int"; v: bigint } | { kind: "float"; v: number } | { kind: "string"; v: string };

function toArg(v: Value): Arg {
  if (typeof v === "number") return Number.isInteger(v) ? { kind: "int", v: toBigInt(v) } : { kind: "float", v };
  if (typeof v === "string") return { kind: "string", v };
  if (v instanceof RegoNumber)
    return /[.eE]/.test(v.text) ? { kind: "float", v: v.value } : { kind: "int", v: BigInt(v.text) };
  return { kind: "string", v: formatValue(v) };
}

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  precision?: number;
}

/** Go's strconv.FormatFloat(f, 'g' or 'e', prec): exponent at least 2 digits. */
function fixExponent(s: string): string {
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

/** Shortest decimal digits and decimal exponent of a finite non-zero float. */
function shortestDigits(f: number): { digits: string; exp: number } {
  const [mant, e] = Math.abs(f).toExponential().split("e") as [string, string];
  return { digits: mant.replace(".", ""), exp: Number(e) };
}

/** %g / %v of a float64: Go uses %e when exp < -4 or exp >= precision. */
function formatG(f: number, precision: number | undefined, sharp: boolean): string {
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  let digits: string;
  let exp: number;
  if (precision === undefined) {
    ({ digits, exp } = shortestDigits(f));
  } else {
    const p = Math.max(precision, 1);
    const [mant, e] = Math.abs(f)
      .toExponential(p - 1)
      .split("e") as [string, string];
    digits = mant.replace(".", "");
    exp = Number(e);
    if (!sharp) digits = digits.replace(/0+$/, "") || "0";
  }
  // Shortest form decides with precision 6, as Go does: 1e+06, 123456.5.
  const eprec = precision === undefined ? 6 : Math.max(precision, 1);
  const sign = f < 0 ? "-" : "";
  let body: string;
  if (exp < -4 || exp >= eprec) {
    const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    body = fixExponent(m + "e" + (exp < 0 ? "-" : "+") + Math.abs(exp));
  } else if (exp < 0) {
    body = "0." + "0".repeat(-exp - 1) + digits;
  } else if (digits.length <= exp + 1) {
    body = digits + "0".repeat(exp + 1 - digits.length);
  } else {
    body = digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
  }
  return sign + body;
}

function formatFloat(f: number, verb: string, spec: Spec): string | undefined {
  if (!Number.isFinite(f)) return f > 0 ? "+Inf" : f < 0 ? "-Inf" : "NaN";
  switch (verb) {
    case "v":
    case "g":
    case "G": {
      const s = formatG(f, spec.precision, spec.sharp);
      return verb === "G" ? s.toUpperCase() : s;
    }
    case "e":
    case "E": {
      const s = fixExponent(f.toExponential(spec.precision ?? 6));
      return verb === "E" ? s.toUpperCase() : s;
    }
    case "f":
    case "F":
      return f.toFixed(spec.precision ?? 6);
    default:
      return undefined;
  }
}

function formatInt(n: bigint, verb: string, spec: Spec): string | undefined {
  const neg = n < 0n;
  const abs = neg ? -n : n;
  let digits: string;
  let prefix = "";
  switch (verb) {
    case "v":
    case "d":
      digits = abs.toString(10);
      break;
    case "b":
      digits = abs.toString(2);
      if (spec.sharp) prefix = "0b";
      break;
    case "o":
      digits = abs.toString(8);
      if (spec.sharp) prefix = "0";
      break;
    case "O":
      digits = abs.toString(8);
      prefix = "0o";
      break;
    case "x":
      digits = abs.toString(16);
      if (spec.sharp) prefix = "0x";
      break;
    case "X":
      digits = abs.toString(16).toUpperCase();
      if (spec.sharp) prefix = "0X";
      break;
    case "c":
      // Go prints U+FFFD for a value that is not a code point.
      return n >= 0n && n <= 0x10ffffn && !(n >= 0xd800n && n <= 0xdfffn) ? String.fromCodePoint(Number(n)) : "\ufffd";
    case "q":
      return goQuoteRune(Number(n));
    case "U":
      return "U+" + abs.toString(16).toUpperCase().padStart(4, "0");
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
      return undefined;
    default:
      return undefined;
  }
  if (spec.precision !== undefined) {
    if (spec.precision === 0 && n === 0n) digits = "";
    digits = digits.padStart(spec.precision, "0");
  }
  const sign = neg ? "-" : spec.plus ? "+" : spec.space ? " " : "";
  // Zero padding goes between the sign and the digits (Go, no precision).
  if (spec.zero && !spec.minus && spec.width !== undefined && spec.precision === undefined) {
    const room = spec.width - sign.length - prefix.length;
    digits = digits.padStart(room, "0");
  }
  return sign + prefix + digits;
}

const NAMED_ESCAPES: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  "\\": "\\\\",
};

/** Go's strconv.Quote (printable characters stay as they are). */
function goQuote(s: string, quote = '"'): string {
  let out = quote;
  for (const ch of s) {
    if (ch === quote) out += "\\" + ch;
    else if (NAMED_ESCAPES[ch] !== undefined) out += NAMED_ESCAPES[ch];
    else {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x20 || cp === 0x7f) out += "\\x" + cp.toString(16).padStart(2, "0");
      else if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(ch) || (cp >= 0x80 && cp < 0xa0)) {
        out += cp > 0xffff ? "\\U" + cp.toString(16).padStart(8, "0") : "\\u" + cp.toString(16).padStart(4, "0");
      } else out += ch;
    }
  }
  return out + quote;
}

function goQuoteRune(cp: number): string {
  const valid = cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  return goQuote(valid ? String.fromCodePoint(cp) : "\ufffd", "'");
}

function formatString(s: string, verb: string, spec: Spec): string | undefined {
  switch (verb) {
    case "v":
    case "s":
      return spec.precision === undefined ? s : [...s].slice(0, spec.precision).join("");
    case "q":
      return spec.sharp && !s.includes("`") ? "`" + s + "`" : goQuote(s);
    case "x":
    case "X": {
      const bytes = Buffer.from(s, "utf8");
      const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0"));
      const joined = spec.space
        ? hex.map((h) => (spec.sharp ? "0x" + h : h)).join(" ")
        : (spec.sharp ? "0x" : "") + hex.join("");
      return verb === "X" ? joined.toUpperCase() : joined;
    }
    default:
      return undefined;
  }
}

function goTypeName(a: Arg): string {
  return a.kind === "int" ? "int" : a.kind === "float" ? "float64" : "string";
}

function plainV(a: Arg): string {
  const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
  return a.kind === "int" ? a.v.toString() : a.kind === "float" ? formatFloat(a.v, "v", spec)! : a.v;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const width = spec.width;
  if (width === undefined) return s;
  const len = [...s].length;
  if (len >= width) return s;
  if (spec.minus) return s + " ".repeat(width - len);
  if (spec.zero && !numeric) return "0".repeat(width - len) + s;
  if (spec.zero && numeric) {
    // Floats: zeros after the sign.
    const m = /^[+\- ]/.exec(s);
    const sign = m ? m[0] : "";
    return sign + "0".repeat(width - len) + s.slice(sign.length);
  }
  return " ".repeat(width - len) + s;
}

/** OPA hands Go an integer beyond int64 as a *big.Int, whose Format prints %s (and %v) in decimal. */
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const isBigInt = (a: Arg): boolean => a.kind === "int" && (a.v < INT64_MIN || a.v > INT64_MAX);

function formatOne(a: Arg, verb: string, spec: Spec): string {
  let s: string | undefined;
  if (a.kind === "int") s = formatInt(a.v, isBigInt(a) && verb === "s" ? "d" : verb, spec);
  else if (a.kind === "float") {
    s = formatFloat(a.v, verb, spec);
    if (s !== undefined && spec.plus && a.v >= 0) s = "+" + s;
    else if (s !== undefined && spec.space && a.v >= 0) s = " " + s;
  } else s = formatString(a.v, verb, spec);
  if (s === undefined) return `%!${verb}(${goTypeName(a)}=${plainV(a)})`;
  // formatInt already zero-padded where Go does.
  const numeric = a.kind === "float";
  if (a.kind === "int" && spec.zero) return pad(s, { ...spec, zero: false }, false);
  return pad(s, spec, numeric);
}

export function sprintf(format: string, values: readonly Value[]): string {
  return plainSprintf(format, values) ?? formatted(format, values);
}

/**
 * The common case without Go's formatting machinery: only `%s`, `%v` and
 * `%d` without flags, each given a string (%s, %v) or a safe integer (%v,
 * %d), one operand per verb, and `%%`. Go prints these operands as they are
 * (an integer in decimal), so the text is the same as formatted()'s; anything
 * else returns undefined for formatted() to do. Most policy messages are
 * this: `sprintf("bucket %s is public", [r.address])` for every finding.
 */
function plainSprintf(format: string, values: readonly Value[]): string | undefined {
  let out = "";
  let from = 0;
  let used = 0;
  for (let i = format.indexOf("%"); i >= 0; i = format.indexOf("%", from)) {
    const verb = format.charCodeAt(i + 1);
    out += format.slice(from, i);
    from = i + 2;
    if (verb === 37 /* % */) {
      out += "%";
      continue;
    }
    const v = values[used++];
    if (typeof v === "string" && (verb === 115 /* s */ || verb === 118) /* v */) out += v;
    else if (typeof v === "number" && Number.isSafeInteger(v) && (verb === 100 /* d */ || verb === 118))
      out += String(v);
    else return undefined;
  }
  if (used !== values.length) return undefined;
  return out + format.slice(from);
}

function formatted(format: string, values: readonly Value[]): string {
  const args = values.map(toArg);
  let argIndex = 0;
  let out = "";
  let i = 0;
  while (i < format.length) {
    // The text up to the next verb, in one piece.
    const verbAt = format.indexOf("%", i);
    if (verbAt !== i) {
      out += verbAt < 0 ? format.slice(i) : format.slice(i, verbAt);
      if (verbAt < 0) break;
      i = verbAt;
    }
    i++;
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === "-") spec.minus = true;
      else if (f === "+") spec.plus = true;
      else if (f === "#") spec.sharp = true;
      else if (f === " ") spec.space = true;
      else if (f === "0") spec.zero = true;
      else break;
    }
    const readNumber = (): number | undefined => {
      if (format[i] === "*") {
        i++;
        const a = args[argIndex++];
        return a?.kind === "int" ? Number(a.v) : undefined;
      }
      const start = i;
      while (i < format.length && format.charCodeAt(i) >= 48 && format.charCodeAt(i) <= 57) i++;
      return i === start ? undefined : Number(format.slice(start, i));
    };
    spec.width = readNumber();
    if (format[i] === ".") {
      i++;
      spec.precision = readNumber() ?? 0;
    }
    if (i >= format.length) {
      out += "%!(NOVERB)";
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === "%") {
      out += "%";
      continue;
    }
    const a = args[argIndex++];
    if (a === undefined) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatOne(a, verb, spec);
  }
  if (argIndex < args.length) {
    out +=
      "%!(EXTRA " +
      args
        .slice(argIndex)
        .map((a) => `${goTypeName(a)}=${plainV(a)}`)
        .join(", ") +
      ")";
  }
  return out;
}
