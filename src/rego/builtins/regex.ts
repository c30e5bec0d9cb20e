/**
 * Regular expressions with Go's RE2 syntax and semantics, via re2js (a port
 * of RE2/J): linear time, so a policy's pattern cannot hang a scan.
 * Compiled patterns are cached; the cache is bounded because patterns may
 * be built from input.
 */
import type { RE2JS } from "re2js";
import type { Value } from "../value.js";
import { builtinError, def, str, textInt } from "./args.js";
import type { BuiltinDef } from "./types.js";
import { re2js } from "./re2js.js";

const CACHE_LIMIT = 1000;
const cache = new Map<string, RE2JS | Error>();

/** Compiles (or fetches) a pattern; throws the syntax error as a builtin error. */
export function compileRegex(name: string, pattern: string): RE2JS {
  let re = cache.get(pattern);
  if (re === undefined) {
    try {
      re = re2js().compile(pattern);
    } catch (e) {
      re = e instanceof Error ? e : new Error(String(e));
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, re);
  }
  if (re instanceof Error) throw builtinError(name, re.message);
  return re;
}

interface Match {
  start: number;
  end: number;
  /** Group 0 and the capture groups; null for a group that did not take part. */
  groups: (string | null)[];
}

/** Length of the code point at i (1 or 2 UTF-16 units; 1 at the end). */
function cpWidth(s: string, i: number): number {
  const c = s.codePointAt(i);
  return c !== undefined && c > 0xffff ? 2 : 1;
}

/**
 * Go's FindAll rule: successive non-overlapping matches, at most n (n < 0:
 * all); an empty match right after the previous match is skipped.
 */
function allMatches(re: RE2JS, s: string, n: number): Match[] {
  const out: Match[] = [];
  if (n === 0) return out;
  const m = re.matcher(s);
  const groupCount = re.groupCount();
  let pos = 0;
  let prevEnd = -1;
  while (pos <= s.length && (n < 0 || out.length < n)) {
    if (!m.find(pos)) break;
    const start = m.start();
    const end = m.end();
    const accept = !(start === end && start === prevEnd);
    if (accept) {
      const groups: (string | null)[] = [];
      for (let g = 0; g <= groupCount; g++) groups.push(m.group(g));
      out.push({ start, end, groups });
      prevEnd = end;
    }
    pos = end > start ? end : end + cpWidth(s, end);
  }
  return out;
}

/**
 * Go's Regexp.Expand template: $1, ${1}, $name, ${name}, $$. A name is the
 * longest run of letters, digits and underscores, so "$1x" is group "1x"
 * (empty); an unknown group expands to nothing.
 */
function expand(template: string, m: Match, named: Record<string, number>): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c !== "$") {
      out += c;
      continue;
    }
    const rest = template.slice(i + 1);
    if (rest.startsWith("$")) {
      out += "$";
      i++;
      continue;
    }
    const mm = /^\{([A-Za-z0-9_]+)\}/.exec(rest) ?? /^([A-Za-z0-9_]+)/.exec(rest);
    if (!mm) {
      out += "$";
      continue;
    }
    i += mm[0].length;
    const name = mm[1]!;
    const index = /^\d+$/.test(name) ? Number(name) : named[name];
    if (index !== undefined && index < m.groups.length) out += m.groups[index] ?? "";
  }
  return out;
}

function replaceAll(re: RE2JS, s: string, template: string): string {
  const named = re.namedGroups();
  let out = "";
  let last = 0;
  for (const m of allMatches(re, s, -1)) {
    out += s.slice(last, m.start) + expand(template, m, named);
    last = m.end;
  }
  return out + s.slice(last);
}

/** Go's Regexp.Split(s, -1). */
function split(re: RE2JS, s: string, patternNonEmpty: boolean): string[] {
  if (patternNonEmpty && s === "") return [""];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of allMatches(re, s, -1)) {
    end = m.start;
    if (m.end !== 0) out.push(s.slice(beg, end));
    beg = m.end;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/**
 * regex.template_match: the text between the delimiters is a regex, the
 * rest is literal; the whole value must match.
 */
function templateMatch(args: Value[]): Value {
  const name = "regex.template_match";
  const template = str(name, args, 0);
  const value = str(name, args, 1);
  const open = str(name, args, 2);
  const close = str(name, args, 3);
  if ([...open].length !== 1 || [...close].length !== 1)
    throw builtinError(name, "delimiters must be single characters");
  let pattern = "^";
  let i = 0;
  while (i < template.length) {
    const at = template.indexOf(open, i);
    if (at < 0) {
      pattern += re2js().quote(template.slice(i));
      break;
    }
    pattern += re2js().quote(template.slice(i, at));
    // Find the matching close delimiter, allowing nested pairs inside.
    let depth = 0;
    let j = at;
    for (; j < template.length; j++) {
      if (template[j] === open) depth++;
      else if (template[j] === close && --depth === 0) break;
    }
    if (j >= template.length) throw builtinError(name, `unbalanced braces in "${template}"`);
    pattern += "(?:" + template.slice(at + open.length, j) + ")";
    i = j + close.length;
  }
  return compileRegex(name, pattern + "$").test(value);
}

export const regexBuiltins: readonly BuiltinDef[] = [
  def("regex.match", 2, (args) =>
    compileRegex("regex.match", str("regex.match", args, 0)).test(str("regex.match", args, 1)),
  ),
  // Deprecated alias, still common in older policies.
  def("re_match", 2, (args) => compileRegex("re_match", str("re_match", args, 0)).test(str("re_match", args, 1))),
  def("regex.is_valid", 1, (args) => {
    const p = args[0] as Value;
    if (typeof p !== "string") return false;
    try {
      compileRegex("regex.is_valid", p);
      return true;
    } catch {
      return false;
    }
  }),
  def("regex.find_n", 3, (args) => {
    const re = compileRegex("regex.find_n", str("regex.find_n", args, 0));
    const s = str("regex.find_n", args, 1);
    const n = textInt("regex.find_n", args, 2); // OPA: IntOperand, by the number's text
    return allMatches(re, s, n).map((m) => m.groups[0] ?? "");
  }),
  def("regex.find_all_string_submatch_n", 3, (args) => {
    const name = "regex.find_all_string_submatch_n";
    const re = compileRegex(name, str(name, args, 0));
    const s = str(name, args, 1);
    const n = textInt(name, args, 2);
    return allMatches(re, s, n).map((m) => m.groups.map((g) => g ?? ""));
  }),
  def("regex.split", 2, (args) => {
    const pattern = str("regex.split", args, 0);
    return split(compileRegex("regex.split", pattern), str("regex.split", args, 1), pattern !== "");
  }),
  def("regex.replace", 3, (args) => {
    const s = str("regex.replace", args, 0);
    const re = compileRegex("regex.replace", str("regex.replace", args, 1));
    return replaceAll(re, s, str("regex.replace", args, 2));
  }),
  def("regex.template_match", 4, templateMatch),
];
