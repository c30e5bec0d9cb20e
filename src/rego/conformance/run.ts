import { compileModules, RegoError } from "../engine/index.js";
import { equal, makeObject, type Value } from "../value.js";
import type { ConformanceCase } from "./cases.js";

export interface CaseResult {
  case: ConformanceCase;
  status: "pass" | "fail" | "skip";
  reason?: string;
}

/** Runs one case: compile its modules, evaluate its query per input, compare. */
export function runCase(c: ConformanceCase): CaseResult {
  if (c.skip) return { case: c, status: "skip" };
  try {
    const compiled = compileModules(c.modules.map((text, i) => ({ file: `module${i}.rego`, text })));
    let inputs = c.inputs;
    if (c.inputTerm !== undefined) {
      const t = compileModules([{ file: "input.rego", text: `package __input\nv := ${c.inputTerm}\n` }]);
      inputs = [t.evaluate("data.__input.v")];
    }
    for (let i = 0; i < inputs.length; i++) {
      const session = compiled.session({ input: inputs[i] as Value, data: c.data as Value, strict: c.strict, timeoutMs: 10_000 });
      const results = session.queryValues(c.query);
      if (c.wantError) return { case: c, status: "fail", reason: "expected an error, got a result" };
      const reason = c.dialect === "opa" ? compareOpa(c, results) : compareRegorus(c.want?.[i], results);
      if (reason) return { case: c, status: "fail", reason };
    }
    return { case: c, status: "pass" };
  } catch (err) {
    if (c.wantError) return { case: c, status: "pass" };
    const message = err instanceof RegoError ? err.describe() : err instanceof Error ? err.message : String(err);
    return { case: c, status: "fail", reason: `error: ${message}` };
  }
}

type Results = { bindings: Map<string, Value>; value?: Value }[];

/** regorus: one unbound result is its value; bound variables give their bindings; several give a list. */
function compareRegorus(want: Value | undefined, results: Results): string | undefined {
  const got = regorusShape(results);
  if (want === undefined) return got === undefined ? undefined : `expected undefined, got ${describe(got)}`;
  if (got === undefined) return `expected ${describe(want)}, got undefined`;
  return equal(got, want) ? undefined : `expected ${describe(want)}, got ${describe(got)}`;
}

function regorusShape(results: Results): Value | undefined {
  const one = (r: Results[number]): Value | undefined =>
    r.bindings.size > 0 ? makeObject([...r.bindings.entries()]) : r.value;
  if (results.length === 0) return undefined;
  if (results.length === 1) return one(results[0]!);
  return results.map((r) => one(r) ?? null);
}

function compareOpa(c: ConformanceCase, results: Results): string | undefined {
  const want = c.wantBindings ?? [];
  const got = results.map((r) => makeObject([...r.bindings.entries()]));
  if (want.length !== got.length) return `expected ${want.length} results, got ${got.length}`;
  const remaining = [...got];
  for (const w of want) {
    const k = remaining.findIndex((g) => equal(g, w as Value));
    if (k < 0) return `expected a result ${describe(w as Value)}`;
    remaining.splice(k, 1);
  }
  return undefined;
}

function describe(v: Value): string {
  try {
    return JSON.stringify(v, (_k, x) => (x instanceof Set ? [...x] : x)).slice(0, 200);
  } catch {
    return String(v);
  }
}
