/**
 * Reads conformance cases in the two YAML dialects Rego implementations
 * share (see ../shared/rego-conformance/README.md):
 *   - regorus's: `want_result` is the query's value (bindings, an
 *     expression's value, or `many!` results), `error` says it must fail,
 *     `no_result` says it is undefined; `set!`, `object!`, `#undefined`
 *     encode what JSON cannot; strict builtin errors unless `strict: false`.
 *   - OPA's: `want_result` is a list of binding objects, errors are
 *     `want_error_code` / `want_error`, `input_term` is Rego source,
 *     `strict_error` makes builtin errors fail; no `want_result` and no error
 *     means undefined.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { makeObject, RegoObject, RegoSet, type Value } from "../value.js";

export type Dialect = "regorus" | "opa";

/** Expected values may hold "undefined here" (`#undefined`). */
export const UNDEFINED_MARK = Symbol("#undefined");
export type Expected = Value | typeof UNDEFINED_MARK;

export interface ConformanceCase {
  file: string;
  note: string;
  dialect: Dialect;
  modules: string[];
  data?: Value;
  /** One input per run (`many!` gives several). Absent: no input. */
  inputs?: Value[];
  /** OPA: input written as Rego. */
  inputTerm?: string;
  query: string;
  skip: boolean;
  strict: boolean;
  /** regorus: the expected value per input; OPA: the expected binding list. */
  want?: Expected[];
  /** The query must be undefined (for every input). */
  wantUndefined: boolean;
  wantError?: { code?: string; message?: string };
  sortBindings: boolean;
  wantPrints?: string[];
}

export class ConformanceFormatError extends Error {}

/** Every .yaml/.yml file under the given files and directories, sorted. */
export function findCaseFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(path.join(p, name));
    } else if (/\.ya?ml$/.test(p)) out.push(p);
  };
  paths.forEach(visit);
  return out;
}

const OPA_KEYS = ["want_error_code", "want_error", "strict_error", "input_term"];

export function loadCaseFile(file: string, dialect?: Dialect): ConformanceCase[] {
  let doc: unknown;
  try {
    // regorus's files are not all strict YAML (flow sequences under-indented).
    const text = readFileSync(file, "utf8");
    try {
      // Maps keep their keys' types: regorus writes `1: x` and `true: y` for non-string keys.
      doc = parseYaml(text, { uniqueKeys: false, maxAliasCount: -1, mapAsMap: true });
    } catch {
      // Retried once with flow sequences re-indented; that attempt's error is the one reported.
      doc = parseYaml(indentFlowSequences(text), { uniqueKeys: false, maxAliasCount: -1, mapAsMap: true });
    }
  } catch (err) {
    throw new ConformanceFormatError(`${file}: invalid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const cases = doc instanceof Map ? doc.get("cases") : undefined;
  if (!Array.isArray(cases)) throw new ConformanceFormatError(`${file}: expected a top-level "cases" list`);
  const records = cases.map(
    (c) =>
      (c instanceof Map ? Object.fromEntries([...c].map(([k, v]) => [String(k), v])) : {}) as Record<string, unknown>,
  );
  const d: Dialect = dialect ?? detectDialect(records);
  return records.map((c, i) => toCase(file, c, i, d));
}

const REGORUS_KEYS = ["no_result", "error", "strict"];

/**
 * Which dialect a file is written in, from its cases alone (never from where
 * it lies): keys only one dialect has decide; otherwise OPA's `want_result`
 * is a list of binding objects keyed by the query's variables, and an OPA
 * case may leave it out to mean "undefined", which regorus says with
 * `no_result`. A file that fits both (every want_result a list of such
 * objects) is read as OPA's.
 */
function detectDialect(records: readonly Record<string, unknown>[]): Dialect {
  if (records.some((c) => OPA_KEYS.some((k) => k in c))) return "opa";
  if (records.some((c) => REGORUS_KEYS.some((k) => k in c))) return "regorus";
  const looksLikeBindings = (c: Record<string, unknown>): boolean => {
    const w = c["want_result"];
    if (!Array.isArray(w)) return false;
    const vars = new Set(String(c["query"] ?? "").match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
    return w.every((b) => b instanceof Map && [...b.keys()].every((k) => typeof k === "string" && vars.has(k)));
  };
  return records.every((c) => !("want_result" in c) || looksLikeBindings(c)) ? "opa" : "regorus";
}

/**
 * regorus's files sometimes continue a flow sequence (`key: [`) on lines
 * indented no deeper than the key, which its YAML reader accepts and strict
 * YAML does not; indent those lines under the key.
 */
function indentFlowSequences(text: string): string {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)\S.*:\s*\[\s*$/.exec(lines[i]!);
    if (!m) continue;
    const pad = m[1]! + "  ";
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      if (!line.startsWith(pad)) lines[j] = pad + line.trimStart();
      if (line.trim().startsWith("]")) break;
    }
  }
  return lines.join("\n");
}

function toCase(file: string, c: Record<string, unknown>, i: number, dialect: Dialect): ConformanceCase {
  const note = typeof c["note"] === "string" ? c["note"] : `case ${i + 1}`;
  const modules = Array.isArray(c["modules"]) ? (c["modules"] as unknown[]).map(String) : [];
  const out: ConformanceCase = {
    file,
    note,
    dialect,
    modules,
    query: String(c["query"] ?? ""),
    skip: c["skip"] === true,
    strict: dialect === "opa" ? c["strict_error"] === true : c["strict"] !== false,
    wantUndefined: false,
    sortBindings: c["sort_bindings"] === true,
  };
  if (c["data"] !== undefined && c["data"] !== null) out.data = fromYaml(c["data"], dialect) as Value;
  if ("input" in c) {
    const input = c["input"];
    const many = manyList(input);
    out.inputs = many ? many.map((x) => fromYaml(x, dialect) as Value) : [fromYaml(input, dialect) as Value];
  }
  if (typeof c["input_term"] === "string") out.inputTerm = c["input_term"];
  if (Array.isArray(c["want_prints"])) out.wantPrints = (c["want_prints"] as unknown[]).map(String);
  else if (typeof c["want_prints"] === "string")
    out.wantPrints = (c["want_prints"] as string).split("\n").filter((l) => l !== "");

  if (dialect === "regorus") {
    if (c["error"] !== undefined) out.wantError = { message: String(c["error"]) };
    if (c["no_result"] === true) out.wantUndefined = true;
    if ("want_result" in c) {
      const w = c["want_result"];
      const runs = (out.inputs?.length ?? 1) > 1;
      const many = manyList(w);
      if (runs && many) out.want = many.map((x) => fromYaml(x, dialect));
      else out.want = [fromYaml(w, dialect)];
    }
  } else {
    if (c["want_error_code"] !== undefined || c["want_error"] !== undefined) {
      out.wantError = {};
      if (c["want_error_code"] !== undefined) out.wantError.code = String(c["want_error_code"]);
      if (c["want_error"] !== undefined) out.wantError.message = String(c["want_error"]);
    }
    if ("want_result" in c && c["want_result"] !== null) out.want = [fromYaml(c["want_result"], dialect)];
    else if (!out.wantError) out.wantUndefined = true;
  }
  return out;
}

function manyList(v: unknown): unknown[] | undefined {
  if (v instanceof Map && v.size === 1 && Array.isArray(v.get("many!"))) return v.get("many!") as unknown[];
  return undefined;
}

/**
 * YAML (read with maps as Map) to Rego values, decoding `set!`, `object!`
 * and `#undefined`. regorus's keys keep their YAML type (`1:` is the number
 * 1); OPA's are strings, as JSON has them.
 */
function fromYaml(v: unknown, dialect: Dialect = "regorus"): Expected {
  if (v === "#undefined") return UNDEFINED_MARK;
  if (v === undefined) return null;
  if (v === null || typeof v !== "object") {
    if (typeof v === "bigint") return Number(v);
    return v as Value;
  }
  if (Array.isArray(v)) return v.map((x) => fromYaml(x, dialect) as Value);
  if (!(v instanceof Map)) return null;
  if (v.size === 1 && Array.isArray(v.get("set!")))
    return new RegoSet((v.get("set!") as unknown[]).map((x) => fromYaml(x, dialect) as Value));
  if (v.size === 1 && Array.isArray(v.get("object!"))) {
    return new RegoObject(
      (v.get("object!") as unknown[]).map((e) => {
        const m = e instanceof Map ? e : new Map();
        return [fromYaml(m.get("key"), dialect) as Value, fromYaml(m.get("value"), dialect) as Value] as const;
      }),
    );
  }
  const entries: [Value, Value][] = [];
  for (const [k, x] of v) {
    const value = fromYaml(x, dialect);
    if (value === UNDEFINED_MARK) continue;
    const key =
      dialect === "opa" || k === null || typeof k !== "object"
        ? dialect === "opa"
          ? String(k)
          : (k as Value)
        : (fromYaml(k, dialect) as Value);
    entries.push([key, value]);
  }
  return makeObject(entries);
}
