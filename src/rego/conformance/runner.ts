/**
 * Runs one conformance case against the engine and says whether it passed,
 * and if not, why (expected vs actual, or the error).
 */
import { compileModules, RegoError, type QueryResult } from "../index.js";
import type { RegoVersion } from "../parser.js";
import { canonicalKey, equal, formatValue, isPlainObject, toJSON, type Value } from "../value.js";
import { UNDEFINED_MARK, type ConformanceCase, type Expected } from "./loader.js";

export interface CaseOutcome {
  file: string;
  note: string;
  status: "pass" | "fail" | "skip";
  reason?: string;
}

export interface RunOptions {
  /** Syntax for modules that do not say; default: v0 for regorus's cases, v1 for OPA's. */
  regoVersion?: RegoVersion;
  timeoutMs?: number;
}

/** regorus runs its cases as v0, except this file (see the suite's README). */
const REGORUS_V1_FILES = [/binding[\\/]bindings\.ya?ml$/];

export function runCase(c: ConformanceCase, options: RunOptions = {}): CaseOutcome {
  const base = { file: c.file, note: c.note };
  if (c.skip) return { ...base, status: "skip", reason: "skipped by the case" };
  try {
    const reason = c.dialect === "regorus" ? runRegorus(c, options) : runOpa(c, options);
    return reason === undefined ? { ...base, status: "pass" } : { ...base, status: "fail", reason };
  } catch (err) {
    return {
      ...base,
      status: "fail",
      reason: `runner error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    };
  }
}

function version(c: ConformanceCase, options: RunOptions): RegoVersion {
  if (options.regoVersion) return options.regoVersion;
  if (c.dialect === "opa") return "v1";
  return REGORUS_V1_FILES.some((re) => re.test(c.file)) ? "v1" : "v0";
}

interface Attempt {
  results?: QueryResult[];
  error?: RegoError;
  prints: string[];
}

function attempt(c: ConformanceCase, options: RunOptions, input: Value | undefined): Attempt {
  const prints: string[] = [];
  try {
    const compiled = compileModules(
      // regorus names a case's modules rego_0, rego_1...; its print lines carry that name.
      c.modules.map((text, i) => ({ file: c.dialect === "regorus" ? `rego_${i}` : `module_${i + 1}.rego`, text })),
      { regoVersion: version(c, options), strictBuiltinErrors: c.strict },
    );
    let inp = input;
    if (c.inputTerm !== undefined) {
      const r = compiled.query(`__input__ := ${c.inputTerm}`);
      inp = r[0]?.bindings["__input__"];
    }
    const results = compiled.query(c.query, {
      ...(inp !== undefined ? { input: inp } : {}),
      data: c.data ?? {},
      timeoutMs: options.timeoutMs ?? 10_000,
      // OPA's test runner prints the message alone; regorus prefixes it with
      // the print call's file:line (a formatting choice of each harness).
      print: (line, loc) => prints.push(c.dialect === "regorus" ? `${loc.file}:${loc.line}: ${line}` : line),
    });
    return { results, prints };
  } catch (err) {
    if (err instanceof RegoError) return { error: err, prints };
    throw err;
  }
}

function runRegorus(c: ConformanceCase, options: RunOptions): string | undefined {
  const inputs: (Value | undefined)[] = c.inputs ?? [undefined];
  for (let i = 0; i < inputs.length; i++) {
    const a = attempt(c, options, inputs[i]);
    const where = inputs.length > 1 ? ` (input ${i + 1})` : "";
    if (c.wantError) {
      if (!a.error)
        return `expected an error (${c.wantError.message ?? ""}), got ${describeResults(a.results!)}${where}`;
      continue;
    }
    if (a.error) return `unexpected error: ${a.error.describe()}${where}`;
    const results = a.results!;
    if (c.wantPrints && !sameLines(a.prints, c.wantPrints))
      return `prints ${JSON.stringify(a.prints)}, want ${JSON.stringify(c.wantPrints)}`;
    if (c.wantUndefined) {
      if (results.length > 0) return `expected no result, got ${describeResults(results)}${where}`;
      continue;
    }
    const want = c.want?.[i] ?? c.want?.[0];
    if (want === undefined) continue;
    if (want === UNDEFINED_MARK) {
      if (results.length > 0) return `expected undefined, got ${describeResults(results)}${where}`;
      continue;
    }
    const many = manyOf(want);
    if (results.length === 0) return `expected ${show(want)}, got no result${where}`;
    const values = results.map(resultValue);
    if (many) {
      if (!sameList(values, many, c.sortBindings)) return `expected ${show(many)}, got ${show(values)}${where}`;
    } else if (values.length !== 1) {
      return `expected one result ${show(want)}, got ${values.length}: ${show(values)}${where}`;
    } else if (!equal(values[0]!, want) && !(c.sortBindings && equal(sortArrays(values[0]!), sortArrays(want)))) {
      return `expected ${show(want)}, got ${show(values[0]!)}${where}`;
    }
  }
  return undefined;
}

function runOpa(c: ConformanceCase, options: RunOptions): string | undefined {
  const inputs: (Value | undefined)[] = c.inputs ?? [undefined];
  for (const input of inputs) {
    const a = attempt(c, options, input);
    if (c.wantError) {
      if (!a.error)
        return `expected error ${c.wantError.code ?? ""} ${c.wantError.message ?? ""}, got ${describeResults(a.results!)}`;
      if (c.wantError.code && a.error.code !== c.wantError.code)
        return `expected error code ${c.wantError.code}, got ${a.error.describe()}`;
      // OPA's cases match against the message, some against "code: message" (its error's String()).
      if (c.wantError.message && !`${a.error.code}: ${a.error.message}`.includes(c.wantError.message))
        return `expected error containing "${c.wantError.message}", got ${a.error.describe()}`;
      continue;
    }
    if (a.error) return `unexpected error: ${a.error.describe()}`;
    const results = a.results!;
    if (c.wantPrints && !sameLines(a.prints, c.wantPrints))
      return `prints ${JSON.stringify(a.prints)}, want ${JSON.stringify(c.wantPrints)}`;
    if (c.wantUndefined) {
      if (results.length > 0) return `expected undefined, got ${describeResults(results)}`;
      continue;
    }
    const want = c.want?.[0];
    if (!Array.isArray(want)) return `want_result must be a list of bindings`;
    const actual = results.map((r) => JSON.stringify(toJSON(r.bindings)));
    const expected = want.map((w) => JSON.stringify(toJSON(w as Value)));
    if (c.sortBindings) {
      actual.sort();
      expected.sort();
    }
    if (actual.join("\n") !== expected.join("\n"))
      return `expected [${expected.join(", ")}], got [${actual.join(", ")}]`;
  }
  return undefined;
}

/** A regorus result: its bindings when it bound variables, else its expression value(s). */
function resultValue(r: QueryResult): Value {
  if (Object.keys(r.bindings).length > 0) return r.bindings;
  return r.expressions.length === 1 ? r.expressions[0]! : r.expressions;
}

function manyOf(want: Expected): Value[] | undefined {
  if (want === UNDEFINED_MARK || want === null || typeof want !== "object" || Array.isArray(want)) return undefined;
  if (!isPlainObject(want) || Object.keys(want).length !== 1) return undefined;
  const many = want["many!"];
  return Array.isArray(many) ? many : undefined;
}

function sameList(actual: Value[], want: Value[], sort: boolean): boolean {
  if (actual.length !== want.length) return false;
  if (sort) {
    const a = actual.map(canonicalKey).sort();
    const b = want.map(canonicalKey).sort();
    return a.every((x, i) => x === b[i]);
  }
  return actual.every((v, i) => equal(v, want[i]!));
}

function sortArrays(v: Value): Value {
  if (Array.isArray(v)) return [...v.map(sortArrays)].sort((a, b) => (canonicalKey(a) < canonicalKey(b) ? -1 : 1));
  if (v && typeof v === "object" && !(Symbol.iterator in v) && !("entries" in v && typeof v.entries === "function")) {
    const out: Record<string, Value> = {};
    for (const [k, x] of Object.entries(v)) out[k] = sortArrays(x as Value);
    return out;
  }
  return v;
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function show(v: Expected | Value[]): string {
  if (v === UNDEFINED_MARK) return "#undefined";
  const s = formatValue(v as Value);
  return s.length > 300 ? s.slice(0, 300) + "…" : s;
}

function describeResults(results: QueryResult[]): string {
  if (results.length === 0) return "no result";
  return show(results.map(resultValue));
}
