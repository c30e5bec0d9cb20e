/**
 * glob.match with the semantics of the Go library OPA uses (gobwas/glob):
 *   *      any run of characters except the delimiters
 *   **     any run of characters, delimiters included
 *   ?      one character other than a delimiter
 *   [abc] [a-z] [!abc] [!a-z]   character classes
 *   {a,b}  alternatives (each a pattern)
 *   \x     a literal x
 * Delimiters: null means none; an empty array means the default ["."].
 * Globs are compiled to RE2 (linear time) and cached.
 */
import { type Value, RegoSet } from "../value.js";
import { builtinError, def, elementTypeError, str, typeError } from "./args.js";
import { compileRegex } from "./regex.js";
import { re2js } from "./re2js.js";
import type { BuiltinDef } from "./types.js";

/** Escapes one code point for use inside a character class or outside one. */
function lit(ch: string): string {
  return re2js().quote(ch);
}

function classLit(ch: string): string {
  return /[\\\][^-]/.test(ch) ? "\\" + ch : ch;
}

/** Translates a glob to a regex body; throws on malformed globs. */
function globToRegex(glob: string, delimiters: readonly string[]): string {
  const cps = Array.from(glob);
  const notDelim = delimiters.length === 0 ? "(?s:.)" : "[^" + delimiters.map(classLit).join("") + "]";
  let i = 0;

  const parse = (inAlternative: boolean): string => {
    let out = "";
    while (i < cps.length) {
      const c = cps[i]!;
      if (inAlternative && (c === "," || c === "}")) return out;
      i++;
      switch (c) {
        case "\\": {
          if (i >= cps.length) throw new Error("unexpected end of input after escape");
          out += lit(cps[i++]!);
          break;
        }
        case "*":
          if (cps[i] === "*") {
            while (cps[i] === "*") i++;
            out += "(?s:.*)";
          } else out += notDelim + "*";
          break;
        case "?":
          out += notDelim;
          break;
        case "[": {
          let negate = false;
          if (cps[i] === "!") {
            negate = true;
            i++;
          }
          let body = "";
          let closed = false;
          let count = 0;
          while (i < cps.length) {
            const d = cps[i++]!;
            if (d === "]" && count > 0) {
              closed = true;
              break;
            }
            count++;
            if (cps[i] === "-" && i + 1 < cps.length && cps[i + 1] !== "]") {
              const hi = cps[i + 1]!;
              if (hi < d) throw new Error(`invalid range ${d}-${hi}`);
              body += classLit(d) + "-" + classLit(hi);
              i += 2;
            } else body += classLit(d);
          }
          if (!closed) throw new Error("unclosed character class");
          out += "[" + (negate ? "^" : "") + body + "]";
          break;
        }
        case "{": {
          const alternatives: string[] = [];
          for (;;) {
            alternatives.push(parse(true));
            if (i >= cps.length) throw new Error("unclosed alternatives");
            const sep = cps[i++];
            if (sep === "}") break;
          }
          out += "(?:" + alternatives.join("|") + ")";
          break;
        }
        default:
          out += lit(c);
      }
    }
    return out;
  };
  const body = parse(false);
  if (i < cps.length) throw new Error(`unexpected ${cps[i]}`);
  return body;
}

function delimitersOf(args: Value[]): string[] {
  const d = args[1] as Value;
  if (d === null) return [];
  if (!Array.isArray(d) && !(d instanceof RegoSet)) throw typeError("glob.match", 2, d, "array", "null");
  const list = [...d];
  for (const x of list) if (typeof x !== "string") throw elementTypeError("glob.match", 2, d, x, "string");
  if (list.length === 0) return ["."];
  // Each delimiter is one character in gobwas/glob; use its first code point.
  return (list as string[]).filter((s) => s !== "").map((s) => Array.from(s)[0]!);
}

const globCache = new Map<string, string>();

export const globBuiltins: readonly BuiltinDef[] = [
  def("glob.match", 3, (args) => {
    const glob = str("glob.match", args, 0);
    const delimiters = delimitersOf(args);
    const value = str("glob.match", args, 2);
    const key = JSON.stringify([glob, delimiters]);
    let pattern = globCache.get(key);
    if (pattern === undefined) {
      try {
        pattern = "^(?:" + globToRegex(glob, delimiters) + ")$";
      } catch (e) {
        throw builtinError("glob.match", (e as Error).message);
      }
      if (globCache.size >= 1000) globCache.clear();
      globCache.set(key, pattern);
    }
    return compileRegex("glob.match", pattern).test(value);
  }),
  def("glob.quote_meta", 1, (args) => {
    // Backslash-escape every glob metacharacter.
    return str("glob.quote_meta", args, 0).replace(/[*?\\[\]{}]/g, (c) => "\\" + c);
  }),
];
