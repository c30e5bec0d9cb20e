import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import type { TypeScriptRule } from "../../src/policy/rule.js";
import { BUNDLED_RULES } from "../../src/rules/index.js";
import { runScan } from "../../src/scan/run.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * Whole-plan fixtures, scanned end to end (load, model, rules, locate):
 * fixtures/rules/<id>/fail.json, on which the rule must fire, pass.json, on
 * which it must stay silent, and for governance rules unknown.json, on which
 * it stays undecided. Other tests, the docs and examples use these plans.
 * A rule's own cases are its table (rule-tester.ts, rule-tables.test.ts);
 * a new rule needs no fixture directory, but one it has is checked whole.
 * GPU rules are judged with the quota in fixtures/rules/gpu.planguard.yaml,
 * governance rules with the environments in
 * fixtures/rules/governance.planguard.yaml.
 */
function readConfig(name: string) {
  const file = fixturePath("rules", name);
  return parseConfig(file, readFileSync(file, "utf8"));
}
const gpuConfig = readConfig("gpu.planguard.yaml");
const governanceConfig = readConfig("governance.planguard.yaml");

/**
 * Governance rules that judge only what Terraform requires to be literal
 * (version constraints, module sources, which arguments the provider marks
 * sensitive): they have no value to wait for, so no unknown.json.
 */
const NEVER_UNDECIDED: Record<string, string> = {
  "PG-GOV-003": "references and sensitivity marks are known at plan time",
  "PG-GOV-004": "version constraints are literals",
  "PG-GOV-005": "version constraints are literals",
  "PG-GOV-006": "module sources and versions are literals",
  "PG-GOV-007": "module sources are literals",
  "PG-GOV-008": "module sources are literals",
  "PG-GOV-011": "whether the root module declares a backend is read from its .tf files",
};

/** A fixture `<kind>.json` may come with `<kind>-src/`, the root module's .tf files (the backend rules read them). */
async function scanFixture(rule: TypeScriptRule, file: string) {
  const sourceDir = file.replace(/\.json$/, "-src");
  const source = existsSync(sourceDir) ? { source: { sourceDir, repoRoot: sourceDir } } : {};
  const result = await runScan({
    files: [file],
    config: rule.meta.category === "governance" ? governanceConfig : gpuConfig,
    ...source,
  });
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

async function firedBy(rule: TypeScriptRule, file: string) {
  return (await scanFixture(rule, file)).filter((f) => !f.undecided);
}

describe("bundled TypeScript rules against their fixtures", () => {
  it("are the only subjects of fixtures/rules/ (every directory names a bundled rule)", () => {
    const ids = new Set(BUNDLED_RULES.map((r) => r.meta.id));
    const dirs = readdirSync(fixturePath("rules"), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(dirs.length).toBeGreaterThan(0);
    expect(dirs.filter((d) => !ids.has(d))).toEqual([]);
  });

  for (const rule of BUNDLED_RULES) {
    const id = rule.meta.id;
    if (!existsSync(fixturePath("rules", id))) continue;
    describe(id, () => {
      it("has a failing and a passing fixture", () => {
        expect(existsSync(fixturePath("rules", id, "fail.json"))).toBe(true);
        expect(existsSync(fixturePath("rules", id, "pass.json"))).toBe(true);
      });
      it("fires on fail.json, with a message and the resource", async () => {
        const findings = await firedBy(rule, fixturePath("rules", id, "fail.json"));
        expect(findings.length).toBeGreaterThan(0);
        for (const f of findings) {
          expect(f.message).toMatch(/\S/);
          // Plan-wide governance findings (a provider configuration, a module call) name the configuration instead.
          if (rule.kind === "resource" || !f.attribute) expect(f.resource?.address).toBeTruthy();
          expect(f.category).toBe(rule.meta.category);
        }
      });
      it("stays silent on pass.json", async () => {
        expect(await scanFixture(rule, fixturePath("rules", id, "pass.json"))).toEqual([]);
      });
      if (rule.meta.category === "governance" && NEVER_UNDECIDED[id] !== undefined) {
        it(`has no unknown.json (${NEVER_UNDECIDED[id]})`, () => {
          expect(existsSync(fixturePath("rules", id, "unknown.json"))).toBe(false);
        });
      } else if (rule.meta.category === "governance") {
        it("is undecided, not failed, on unknown.json", async () => {
          const findings = await scanFixture(rule, fixturePath("rules", id, "unknown.json"));
          expect(findings.length).toBeGreaterThan(0);
          for (const f of findings) {
            expect(f.undecided).toBe(true);
            expect(f.severity).toBe("info");
          }
        });
      }
    });
  }
});
