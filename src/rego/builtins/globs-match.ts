/**
 * regex.globs_match(a, b): whether some non-empty string matches both
 * patterns, in the small regex dialect OPA gives this builtin (gintersect):
 * only `.`, `*`, `+`, `[...]` (with ranges `a-z`) and `\` are special; every
 * other character stands for itself.
 *
 * Each pattern is a list of tokens (a character class with "exactly one",
 * "zero or more" or "one or more"); the answer is a search over pairs of
 * positions in the two lists, stepping both on a character that both
 * classes admit.
 */
import type { Value } from "../value.js";
import { builtinError, def, str } from "./args.js";
import type { BuiltinDef } from "./types.js";

/** A set of code points: ranges, or any character at all. */
type CharClass = { any: true } | { any: false; ranges: [number, number][] };
interface Token {
  cls: CharClass;
  repeat: "one" | "star" | "plus";
}

const NAME = "regex.globs_match";

function tokenize(pattern: string): Token[] {
  const cps = Array.from(pattern);
  const tokens: Token[] = [];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    let cls: CharClass;
    if (c === "*" || c === "+") {
      const last = tokens[tokens.length - 1];
      if (last === undefined || last.repeat !== "one")
        throw builtinError(NAME, `invalid pattern ${JSON.stringify(pattern)}: ${c} must follow a character`);
      last.repeat = c === "*" ? "star" : "plus";
      continue;
    }
    if (c === ".") cls = { any: true };
    else if (c === "\\") {
      const next = cps[++i];
      if (next === undefined) throw builtinError(NAME, `invalid pattern ${JSON.stringify(pattern)}: trailing \\`);
      cls = single(next);
    } else if (c === "[") {
      const ranges: [number, number][] = [];
      let closed = false;
      for (i++; i < cps.length; i++) {
        let from = cps[i]!;
        if (from === "]") {
          closed = true;
          break;
        }
        if (from === "\\") from = cps[++i] ?? "\\";
        let to = from;
        if (cps[i + 1] === "-" && cps[i + 2] !== undefined && cps[i + 2] !== "]") {
          to = cps[i + 2] === "\\" ? (cps[i + 3] ?? "\\") : cps[i + 2]!;
          i += cps[i + 2] === "\\" ? 3 : 2;
        }
        const lo = from.codePointAt(0)!;
        const hi = to.codePointAt(0)!;
        if (hi < lo)
          throw builtinError(NAME, `invalid pattern ${JSON.stringify(pattern)}: range ${from}-${to} is out of order`);
        ranges.push([lo, hi]);
      }
      if (!closed || ranges.length === 0)
        throw builtinError(NAME, `invalid pattern ${JSON.stringify(pattern)}: unterminated or empty [...]`);
      cls = { any: false, ranges };
    } else cls = single(c);
    tokens.push({ cls, repeat: "one" });
  }
  return tokens;
}

function single(ch: string): CharClass {
  const cp = ch.codePointAt(0)!;
  return { any: false, ranges: [[cp, cp]] };
}

function overlap(a: CharClass, b: CharClass): boolean {
  if (a.any || b.any) return true;
  return a.ranges.some(([lo, hi]) => b.ranges.some(([lo2, hi2]) => lo <= hi2 && lo2 <= hi));
}

/**
 * Positions after skipping tokens that may match nothing (`x*`). A `+`
 * token is read as "one, then the same token starred": position i + 0.5
 * stands for "inside token i, which may repeat or end".
 */
function closure(tokens: Token[], pos: number): number[] {
  const out: number[] = [pos];
  let i = pos;
  if (!Number.isInteger(i)) i = Math.floor(i) + 1; // a + token may end here
  if (i !== pos) out.push(i);
  while (i < tokens.length && tokens[i]!.repeat === "star") out.push(++i);
  return out;
}

/** Positions after consuming one character matched by the token at `pos`'s token. */
function step(tokens: Token[], pos: number): { cls: CharClass; to: number[] } | undefined {
  const i = Math.floor(pos);
  const t = tokens[i];
  if (t === undefined) return undefined;
  if (t.repeat === "one") return { cls: t.cls, to: [i + 1] };
  return { cls: t.cls, to: [i + 0.5] }; // star or plus: may repeat, or end (closure)
}

function nonEmptyIntersection(a: Token[], b: Token[]): boolean {
  const seen = new Set<string>();
  const queue: [number, number, boolean][] = [];
  const push = (i: number, j: number, consumed: boolean) => {
    for (const ci of closure(a, i)) {
      for (const cj of closure(b, j)) {
        const key = `${ci},${cj},${consumed}`;
        if (!seen.has(key)) {
          seen.add(key);
          queue.push([ci, cj, consumed]);
        }
      }
    }
  };
  push(0, 0, false);
  while (queue.length > 0) {
    const [i, j, consumed] = queue.shift()!;
    if (consumed && i === a.length && j === b.length) return true;
    const sa = step(a, i);
    const sb = step(b, j);
    if (sa === undefined || sb === undefined || !overlap(sa.cls, sb.cls)) continue;
    for (const ni of sa.to) for (const nj of sb.to) push(ni, nj, true);
  }
  return false;
}

export const globsMatchBuiltins: readonly BuiltinDef[] = [
  def(NAME, 2, (args: Value[]) => nonEmptyIntersection(tokenize(str(NAME, args, 0)), tokenize(str(NAME, args, 1)))),
];
