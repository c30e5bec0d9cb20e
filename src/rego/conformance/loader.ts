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
import { RegoObject, RegoSet, type Value } from "../value.js";

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
      doc = parseYaml(text, { uniqueKeys: false, maxAliasCount: -1 });
    } catch {
      doc = parseYaml(indentFlowSequences(text), { uniqueKeys: false, maxAliasCount: -1 });
    }
  } catch (err) {
    throw new ConformanceFormatError(`${file}: invalid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const cases = (doc as { cases?: unknown })?.cases;
  if (!Array.isArray(cases)) throw new ConformanceFormatError(`${file}: expected a top-level "cases" list`);
  const d: Dialect = dialect ?? (cases.some((c) => c && OPA_KEYS.some((k) => k in c)) || file.includes(`${path.sep}testdata${path.sep}`) ? "opa" : "regorus");
  return cases.map((c, i) => toCase(file, c as Record<string, unknown>, i, d));
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
  if (c["data"] !== undefined && c["data"] !== null) out.data = fromYaml(c["data"]) as Value;
  if ("input" in c) {
    const input = c["input"];
    if (input && typeof input === "object" && !Array.isArray(input) && "many!" in input) {
      out.inputs = ((input as Record<string, unknown>)["many!"] as unknown[]).map((x) => fromYaml(x) as Value);
    } else out.inputs = [fromYaml(input) as Value];
  }
  if (typeof c["input_term"] === "string") out.inputTerm = c["input_term"];
  if (Array.isArray(c["want_prints"])) out.wantPrints = (c["want_prints"] as unknown[]).map(String);
  else if (typeof c["want_prints"] === "string") out.wantPrints = (c["want_prints"] as string).split("\n").filter((l) => l !== "");

  if (dialect === "regorus") {
    if (c["error"] !== undefined) out.wantError = { message: String(c["error"]) };
    if (c["no_result"] === true) out.wantUndefined = true;
    if ("want_result" in c) {
      const w = c["want_result"];
      const runs = (out.inputs?.length ?? 1) > 1;
      if (runs && w && typeof w === "object" && !Array.isArray(w) && "many!" in w) out.want = ((w as Record<string, unknown>)["many!"] as unknown[]).map(fromYaml);
      else out.want = [fromYaml(w)];
    }
  } else {
    if (c["want_error_code"] !== undefined || c["want_error"] !== undefined) {
      out.wantError = {};
      if (c["want_error_code"] !== undefined) out.wantError.code = String(c["want_error_code"]);
      if (c["want_error"] !== undefined) out.wantError.message = String(c["want_error"]);
    }
    if ("want_result" in c && c["want_result"] !== null) out.want = [fromYaml(c["want_result"])];
    else if (!out.wantError) out.wantUndefined = true;
  }
  return out;
}

/** YAML to Rego values, decoding `set!`, `object!` and `#undefined`. */
export function fromYaml(v: unknown): Expected {
  if (v === "#undefined") return UNDEFINED_MARK;
  if (v === undefined) return null;
  if (v === null || typeof v !== "object") {
    if (typeof v === "bigint") return Number(v);
    return v as Value;
  }
  if (Array.isArray(v)) return v.map((x) => fromYaml(x) as Value);
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === "set!" && Array.isArray(obj["set!"])) return new RegoSet((obj["set!"] as unknown[]).map((x) => fromYaml(x) as Value));
  if (keys.length === 1 && keys[0] === "object!" && Array.isArray(obj["object!"])) {
    return new RegoObject((obj["object!"] as { key: unknown; value: unknown }[]).map((e) => [fromYaml(e.key) as Value, fromYaml(e.value) as Value] as const));
  }
  const out: Record<string, Value> = {};
  for (const k of keys) {
    const x = fromYaml(obj[k]);
    if (x === UNDEFINED_MARK) continue;
    Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
