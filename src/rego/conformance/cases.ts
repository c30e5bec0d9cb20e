import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { makeObject, RegoObject, RegoSet, type Value } from "../value.js";

/**
 * Conformance cases in the YAML format Rego implementations share, in both
 * dialects: regorus's (want_result is the value, or bindings; `set!`,
 * `object!`, `many!`, `#undefined`, `error`, `strict`) and OPA's own
 * (want_result a list of binding objects, want_error_code, strict_error,
 * input_term).
 */
export interface ConformanceCase {
  file: string;
  note: string;
  modules: string[];
  data?: unknown;
  /** One input per evaluation (`many!` gives several). */
  inputs: (unknown | undefined)[];
  inputTerm?: string;
  query: string;
  dialect: "regorus" | "opa";
  /** Expected value per input; undefined means undefined. */
  want?: (Value | undefined)[];
  /** OPA: expected binding sets. */
  wantBindings?: Record<string, Value>[];
  wantError: boolean;
  strict: boolean;
  skip: boolean;
  sortBindings: boolean;
}

export function loadCases(paths: readonly string[]): ConformanceCase[] {
  const out: ConformanceCase[] = [];
  for (const p of paths) for (const file of yamlFiles(p)) out.push(...casesIn(file));
  return out;
}

function yamlFiles(p: string): string[] {
  if (statSync(p).isFile()) return [p];
  const out: string[] = [];
  for (const name of readdirSync(p).sort()) {
    const full = path.join(p, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (name.endsWith(".yaml") || name.endsWith(".yml")) out.push(full);
  }
  return out;
}

function casesIn(file: string): ConformanceCase[] {
  let doc: { cases?: Record<string, unknown>[] } | null;
  try {
    doc = parseYaml(readFileSync(file, "utf8"), { maxAliasCount: -1, strict: false, uniqueKeys: false }) as typeof doc;
  } catch (err) {
    // A file our YAML reader refuses still counts, as one failing case.
    return [{ file, note: `(unreadable: ${(err as Error).message.split("\n")[0]})`, modules: [], inputs: [undefined], query: "", dialect: "regorus", wantError: false, strict: true, skip: false, sortBindings: false, want: [true] }];
  }
  const out: ConformanceCase[] = [];
  for (const raw of doc?.cases ?? []) {
    // Keys only OPA's own format has.
    const isOpa = "want_error_code" in raw || "strict_error" in raw || "input_term" in raw;
    const manyInputs = isObj(raw["input"]) && "many!" in raw["input"] ? (raw["input"]["many!"] as unknown[]) : [raw["input"]];
    const c: ConformanceCase = {
      file,
      note: String(raw["note"] ?? "(unnamed)"),
      modules: ((raw["modules"] as string[] | undefined) ?? []).map(String),
      inputs: manyInputs,
      query: String(raw["query"] ?? ""),
      dialect: isOpa ? "opa" : "regorus",
      wantError: "error" in raw || "want_error" in raw || "want_error_code" in raw,
      strict: raw["strict"] === false ? false : isOpa ? raw["strict_error"] === true : true,
      skip: raw["skip"] === true,
      sortBindings: raw["sort_bindings"] === true,
    };
    if (raw["data"] !== undefined) c.data = raw["data"];
    if (typeof raw["input_term"] === "string") c.inputTerm = raw["input_term"];
    if (!c.wantError) {
      if (isOpa) {
        c.wantBindings = ((raw["want_result"] as unknown[] | undefined) ?? []).map((b) => toValue(b) as Record<string, Value>);
      } else if (raw["no_result"] === true) {
        c.want = c.inputs.map(() => undefined);
      } else if ("want_result" in raw) {
        const w = raw["want_result"];
        c.want = isObj(w) && "many!" in w ? (w["many!"] as unknown[]).map(toExpected) : c.inputs.map(() => toExpected(w));
      }
    }
    out.push(c);
  }
  return out;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function toExpected(v: unknown): Value | undefined {
  return v === "#undefined" ? undefined : toValue(v);
}

/** Expected values with the format's markers for sets and non-string keys. */
export function toValue(v: unknown): Value {
  if (v === null || typeof v !== "object") return v as Value;
  if (Array.isArray(v)) return v.map(toValue);
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === "set!") return new RegoSet((o["set!"] as unknown[]).map(toValue));
  if (keys.length === 1 && keys[0] === "object!") {
    return new RegoObject((o["object!"] as { key: unknown; value: unknown }[]).map((e) => [toValue(e.key), toValue(e.value)] as const));
  }
  return makeObject(keys.map((k) => [k, toValue(o[k])]));
}
