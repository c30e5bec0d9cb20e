/**
 * String builtins. Rego strings are sequences of code points: indexes and
 * lengths here count code points, never UTF-16 units. Trimming and
 * replacing follow Go's strings package, which OPA calls.
 */
import { type Value, RegoSet, compare, objectEntries, sortedMembers } from "../value.js";
import {
  builtinError,
  codePoints,
  def,
  elementTypeError,
  num,
  obj,
  str,
  stringsOf,
  textInt,
  typeError,
} from "./args.js";
import { sprintf } from "./sprintf.js";
import { BuiltinError, type BuiltinDef } from "./types.js";

/** Index of `needle` in `hay`, both as code point arrays, from `from`. */
function indexOfCodePoints(hay: string[], needle: string[], from = 0): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Go's strings.Trim family: cut a set of code points from either end. */
function trimChars(s: string, cutset: string, left: boolean, right: boolean): string {
  const cut = new Set(codePoints(cutset));
  const cps = codePoints(s);
  let start = 0;
  let end = cps.length;
  if (left) while (start < end && cut.has(cps[start]!)) start++;
  if (right) while (end > start && cut.has(cps[end - 1]!)) end--;
  return start === 0 && end === cps.length ? s : cps.slice(start, end).join("");
}

/** Go's unicode.IsSpace (JS's trim also strips U+FEFF and keeps U+0085). */
const GO_SPACE =
  "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

/**
 * Go's strings.NewReplacer(old1, new1, ...).Replace(s): left to right, at
 * each position the first pair (in argument order) whose old string
 * matches wins; matches never overlap. An empty old string matches at
 * every position (between code points and at both ends) but not twice in a
 * row, so at one position it may be followed by a longer key of lower
 * priority: {"": "X", "a": "Y"} turns "ab" into "XYXbX", as in Go.
 */
function goReplace(s: string, pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 1 && pairs[0]![0] !== "") return s.split(pairs[0]![0]).join(pairs[0]![1]);
  let out = "";
  let i = 0;
  let emptyMatchedHere = false;
  while (i <= s.length) {
    const match = pairs.find(([o]) => (o === "" ? !emptyMatchedHere : s.startsWith(o, i)));
    if (match !== undefined) {
      out += match[1];
      i += match[0].length;
      emptyMatchedHere = match[0] === "";
      continue;
    }
    emptyMatchedHere = false;
    if (i === s.length) break;
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    out += ch;
    i += ch.length;
  }
  return out;
}

/**
 * Go maps case one code point at a time (unicode.ToUpper), without JS's
 * special casing: "ß" stays "ß" in upper case, a final sigma is "σ".
 */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function caseMap(s: string, to: "lower" | "upper"): string {
  if (isAscii(s)) return to === "lower" ? s.toLowerCase() : s.toUpperCase();
  let out = "";
  for (const ch of s) {
    const m = to === "lower" ? ch.toLowerCase() : ch.toUpperCase();
    const cps = Array.from(m);
    // A one-to-many mapping is special casing, which Go does not apply:
    // upper keeps the character; lower keeps the simple mapping (İ -> i).
    out += cps.length === 1 ? m : to === "lower" ? cps[0]! : ch;
  }
  return out;
}

function splitWith(name: string, args: Value[]): string[] {
  const s = str(name, args, 0);
  const sep = str(name, args, 1);
  if (sep === "") return codePoints(s); // Go: one element per code point
  return s.split(sep);
}

const split = (args: Value[]): Value => splitWith("split", args);

/**
 * strings.split_n: the parts of a full split, the first n of them (n > 0)
 * or the last -n (n < 0); none for 0. Not Go's SplitN, which keeps the
 * remainder in its last part.
 */
function splitN(args: Value[]): Value {
  const parts = splitWith("strings.split_n", args);
  const n = textInt("strings.split_n", args, 2);
  if (n >= 0) return parts.slice(0, n);
  return parts.slice(Math.max(0, parts.length + n));
}

function concat(args: Value[]): Value {
  const sep = str("concat", args, 0);
  const coll = args[1] as Value;
  if (!Array.isArray(coll) && !(coll instanceof RegoSet)) throw typeError("concat", 2, coll, "set", "array");
  const items = coll instanceof RegoSet ? sortedMembers(coll) : coll;
  for (const v of items) if (typeof v !== "string") throw elementTypeError("concat", 2, coll, v, "string");
  return items.join(sep);
}

function formatInt(args: Value[]): Value {
  const n = num("format_int", args, 0);
  const base = num("format_int", args, 1);
  if (base !== 2 && base !== 8 && base !== 10 && base !== 16) {
    throw builtinError("format_int", "operand 2 must be one of {2, 8, 10, 16}");
  }
  // Go truncates toward zero (big.Float.Int).
  const t = Math.trunc(n);
  const big = Number.isSafeInteger(t) ? BigInt(t) : BigInt(t.toFixed(0));
  return big.toString(base);
}

function substring(args: Value[]): Value {
  const s = str("substring", args, 0);
  // IntOperand in OPA: the number's text must be an integer (substring("abc", 1.0, 1) fails).
  const start = textInt("substring", args, 1);
  const length = textInt("substring", args, 2);
  if (start < 0) throw builtinError("substring", "negative offset");
  const cps = codePoints(s);
  if (start >= cps.length) return "";
  return (length < 0 ? cps.slice(start) : cps.slice(start, start + length)).join("");
}

/** A string, or an array or set of strings, as a list. */
function oneOrMany(name: string, args: Value[], i: number): string[] {
  const v = args[i] as Value;
  if (typeof v === "string") return [v];
  if (Array.isArray(v) || v instanceof RegoSet) return stringsOf(name, args, i);
  throw typeError(name, i + 1, v, "string", "set", "array");
}

function replaceN(args: Value[]): Value {
  const patterns = obj("strings.replace_n", args, 0);
  const s = str("strings.replace_n", args, 1);
  const pairs: [string, string][] = [];
  // OPA sorts the pattern keys, which fixes the priority between them.
  for (const [k, v] of [...objectEntries(patterns)].sort((a, b) => compare(a[0], b[0]))) {
    // OPA's NewOperandErr: a type error, though worded without "must be".
    if (typeof k !== "string")
      throw new BuiltinError("eval_type_error", "strings.replace_n: operand 1 non-string key found in pattern object");
    if (typeof v !== "string")
      throw new BuiltinError(
        "eval_type_error",
        "strings.replace_n: operand 1 non-string value found in pattern object",
      );
    pairs.push([k, v]);
  }
  return goReplace(s, pairs);
}

/** Go's strings.Count: non-overlapping; an empty substring counts code points + 1. */
function countSub(s: string, sub: string): number {
  if (sub === "") return codePoints(s).length + 1;
  return s.split(sub).length - 1;
}

export const stringBuiltins: readonly BuiltinDef[] = [
  def("concat", 2, concat),
  def("contains", 2, (args) => str("contains", args, 0).includes(str("contains", args, 1))),
  def("startswith", 2, (args) => str("startswith", args, 0).startsWith(str("startswith", args, 1))),
  def("endswith", 2, (args) => str("endswith", args, 0).endsWith(str("endswith", args, 1))),
  def("format_int", 2, formatInt),
  def("indexof", 2, (args) => {
    const s = str("indexof", args, 0);
    const sub = str("indexof", args, 1);
    // OPA errors on an empty search string; regorus (and the conformance
    // cases) answer -1, which is also what a non-strict OPA query sees as
    // "no match". -1 keeps policies simple.
    if (sub === "") return -1;
    return indexOfCodePoints(codePoints(s), codePoints(sub));
  }),
  def("indexof_n", 2, (args) => {
    const s = codePoints(str("indexof_n", args, 0));
    const sub = str("indexof_n", args, 1);
    if (sub === "") throw builtinError("indexof_n", "empty search character");
    const needle = codePoints(sub);
    const out: number[] = [];
    for (let i = indexOfCodePoints(s, needle); i >= 0; i = indexOfCodePoints(s, needle, i + 1)) out.push(i);
    return out;
  }),
  def("lower", 1, (args) => caseMap(str("lower", args, 0), "lower")),
  def("upper", 1, (args) => caseMap(str("upper", args, 0), "upper")),
  def("replace", 3, (args) => goReplace(str("replace", args, 0), [[str("replace", args, 1), str("replace", args, 2)]])),
  def("split", 2, split),
  def("strings.split_n", 3, splitN),
  def("sprintf", 2, (args) => {
    const format = str("sprintf", args, 0);
    const list = args[1] as Value;
    if (!Array.isArray(list)) throw typeError("sprintf", 2, list, "array");
    return sprintf(format, list);
  }),
  def("substring", 3, substring),
  def("trim", 2, (args) => trimChars(str("trim", args, 0), str("trim", args, 1), true, true)),
  def("trim_left", 2, (args) => trimChars(str("trim_left", args, 0), str("trim_left", args, 1), true, false)),
  def("trim_right", 2, (args) => trimChars(str("trim_right", args, 0), str("trim_right", args, 1), false, true)),
  def("trim_prefix", 2, (args) => {
    const s = str("trim_prefix", args, 0);
    const p = str("trim_prefix", args, 1);
    return s.startsWith(p) ? s.slice(p.length) : s;
  }),
  def("trim_suffix", 2, (args) => {
    const s = str("trim_suffix", args, 0);
    const p = str("trim_suffix", args, 1);
    return p !== "" && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  }),
  def("trim_space", 1, (args) => trimChars(str("trim_space", args, 0), GO_SPACE, true, true)),
  def("strings.replace_n", 2, replaceN),
  def("strings.reverse", 1, (args) =>
    codePoints(str("strings.reverse", args, 0))
      .reverse()
      .join(""),
  ),
  def("strings.any_prefix_match", 2, (args) => {
    const ss = oneOrMany("strings.any_prefix_match", args, 0);
    const ps = oneOrMany("strings.any_prefix_match", args, 1);
    return ss.some((s) => ps.some((p) => s.startsWith(p)));
  }),
  def("strings.any_suffix_match", 2, (args) => {
    const ss = oneOrMany("strings.any_suffix_match", args, 0);
    const ps = oneOrMany("strings.any_suffix_match", args, 1);
    return ss.some((s) => ps.some((p) => s.endsWith(p)));
  }),
  def("strings.count", 2, (args) => countSub(str("strings.count", args, 0), str("strings.count", args, 1))),
];
