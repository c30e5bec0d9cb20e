/**
 * Checks builtins directly against the regorus conformance cases whose
 * rules are builtin calls on literal arguments. Cases outside that subset
 * are left to the evaluator's conformance runner. Known, deliberate
 * differences from regorus (where OPA behaves otherwise) are listed below.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { type Value, RegoSet, equal, formatValue, makeObject } from "../../../src/rego/value.js";
import { type Outcome, readModule, readQuery, run } from "./literal-rego.js";

const ROOT = resolve(import.meta.dirname, "../../../../shared/rego-conformance/regorus/builtins");

/** Cases where planguard follows OPA (Go) rather than regorus, by file and note. */
const FOLLOWS_OPA: Record<string, string> = {
  // Go's %f prints 6 decimals ("3.140000") and %o has no "0O" prefix.
  "strings/sprintf.yaml#numeric formatting": "Go fmt: %f is 3.140000, %o of 64 is 100",
  // OPA's sprintf prints %!d(MISSING) instead of failing.
  "strings/sprintf.yaml#error cases": "Go fmt: a missing operand prints %!d(MISSING)",
  // OPA's default layout is RFC3339Nano, which drops trailing zeros (.73439Z).
  "time/format.yaml#without-timezone-and-format": "RFC3339Nano trims trailing zeros",
  "time/format.yaml#with-timezone-and-no-format": "RFC3339Nano trims trailing zeros",
  // Go lowers case per code point: no final sigma ("ὀδυσσεύσ"), unlike Rust.
  "strings/lower.yaml#unicode string": "Go's strings.ToLower has no final-sigma rule",
  // OPA's semver.is_valid answers false for any non-string.
  "semver/is_valid.yaml#semver.compare wrong arg1 type": "semver.is_valid(1) is false in OPA",
  // Numbers are doubles: 1.0 and 1 are the same JS number, so [1.0] is a valid index.
  "objects/json.patch.yaml#array-form path rejects an integral float index": "1.0 is indistinguishable from 1",
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".yaml") ? [p] : [];
  });
}

/** The YAML test format's values: {"set!": [...]}, {"object!": [{key, value}]}. */
function fromYaml(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(fromYaml);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === "set!") return new RegoSet((o["set!"] as unknown[]).map(fromYaml));
    if (keys.length === 1 && keys[0] === "object!") {
      return makeObject(
        (o["object!"] as { key: unknown; value: unknown }[]).map(
          (e) => [fromYaml(e.key), fromYaml(e.value)] as [Value, Value],
        ),
      );
    }
    return makeObject(keys.map((k) => [k, fromYaml(o[k])] as [Value, Value]));
  }
  return v as Value;
}

interface Case {
  note: string;
  modules?: string[];
  query: string;
  input?: unknown;
  data?: unknown;
  want_result?: unknown;
  no_result?: boolean;
  error?: string;
  strict?: boolean;
  skip?: boolean;
}

/** Runs the rules of one case; undefined when the case is outside the subset. */
function evaluate(c: Case): Map<string, Outcome> | undefined {
  if (c.skip || c.input !== undefined || (c.data && Object.keys(c.data).length > 0)) return undefined;
  const out = new Map<string, Outcome>();
  if ((c.modules ?? []).length === 0) {
    const q = readQuery(c.query);
    if (q === undefined) return undefined;
    out.set(q.name, run(q.term));
    return out;
  }
  if ((c.modules ?? []).length !== 1) return undefined;
  const rules = readModule(c.modules![0]!);
  if (rules === undefined) return undefined;
  for (const [name, term] of rules) out.set(name, run(term));
  return out;
}

function show(o: Outcome | undefined): string {
  if (o === undefined) return "<no rule>";
  if ("value" in o) return formatValue(o.value);
  if ("error" in o) return `error: ${o.error}`;
  return "undefined";
}

const present = existsSync(ROOT);

describe.skipIf(!present)("regorus builtin conformance cases on literal arguments", () => {
  const all = present ? files(ROOT) : [];
  let checked = 0;
  for (const file of all) {
    const rel = relative(ROOT, file);
    const doc = YAML.parse(readFileSync(file, "utf8")) as { cases: Case[] };
    for (const c of doc.cases) {
      const outcomes = evaluate(c);
      if (outcomes === undefined) continue;
      const key = `${rel}#${c.note}`;
      checked++;
      it.skipIf(key in FOLLOWS_OPA)(`${key}`, () => {
        const strict = c.strict !== false;
        const norm = (o: Outcome): Outcome => (!strict && "error" in o ? { undefined: true } : o);
        if (c.error !== undefined) {
          expect(
            [...outcomes.values()].some((o) => "error" in norm(o)),
            `expected an error; got ${[...outcomes.values()].map(show).join(", ")}`,
          ).toBe(true);
          return;
        }
        const path = c.query.startsWith("data.test.") ? c.query.slice("data.test.".length) : undefined;
        if (path !== undefined && /^[A-Za-z_]\w*$/.test(path)) {
          const o = outcomes.get(path);
          if (c.no_result) {
            expect(o === undefined || "undefined" in norm(o), show(o)).toBe(true);
            return;
          }
          const want = fromYaml(c.want_result);
          expect(
            o && "value" in norm(o) && equal((o as { value: Value }).value, want),
            `${path}: got ${show(o)}, want ${formatValue(want)}`,
          ).toBe(true);
          return;
        }
        // data.test, or a query's bindings: an object of every defined rule.
        if (c.query === "data.test" || (c.modules ?? []).length === 0) {
          const want = fromYaml(c.want_result ?? {}) as Record<string, Value>;
          for (const [name, o] of outcomes) {
            const n = norm(o);
            if (name in want) {
              expect(
                "value" in n && equal(n.value, want[name]!),
                `${name}: got ${show(n)}, want ${formatValue(want[name]!)}`,
              ).toBe(true);
            } else {
              expect("undefined" in n, `${name}: got ${show(n)}, want undefined`).toBe(true);
            }
          }
        }
      });
    }
  }
  it("reads a useful share of the cases", () => {
    expect(checked).toBeGreaterThan(100);
  });
});

describe.skipIf(present)("regorus builtin conformance cases", () => {
  it.skip(`skipped: ${ROOT} is absent`, () => {
    // Only the skip's name matters: it says why the cases did not run.
  });
});
