import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { COVERAGE_PAGE, INVENTORY_DIR, loadInventories, renderCoverage, totals } from "../../scripts/coverage.mjs";
import { bundledRuleMetadata } from "../../src/cli/rules.js";
import type { RuleMetadata } from "../../src/policy/types.js";

interface Check {
  id: string;
  tool: string;
  service: string;
  status: "equivalent" | "related" | "missing" | "not-applicable";
  rule?: string;
  alsoRules?: string[];
}
interface Inventory {
  file: string;
  provider: string;
  services: Record<string, string[]>;
  checks: Check[];
}

const inventories = loadInventories() as Inventory[];
const checks = inventories.flatMap((i) => i.checks.map((c) => ({ ...c, file: i.file, provider: i.provider })));

describe("the coverage inventory (docs/coverage/*.json)", () => {
  it("follows its schema, names each check once and each check's service in its file", () => {
    const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(`${INVENTORY_DIR}/inventory.schema.json`, "utf8")));
    for (const { file, ...inventory } of inventories) {
      expect(validate(inventory) ? [] : validate.errors, file).toEqual([]);
      for (const c of inventory.checks)
        expect(Object.keys(inventory.services), `${file}: ${c.id}`).toContain(c.service);
    }
    const ids = checks.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("agrees with the rules: each named rule exists and carries the id as an alias or narrower id (equivalent) or in related", async () => {
    const rules = new Map((await bundledRuleMetadata()).map((r) => [r.id, r]));
    const wrong: string[] = [];
    for (const c of checks) {
      for (const id of [c.rule, ...(c.alsoRules ?? [])]) {
        if (!id) continue;
        const rule = rules.get(id);
        if (!rule) wrong.push(`${c.file}: ${c.id} names ${id}, which is not a rule`);
        else if (c.status === "equivalent" && !rule.aliases.includes(c.id) && !(rule.narrower ?? []).includes(c.id))
          wrong.push(`${c.file}: ${c.id} is equivalent to ${id}, whose aliases and narrower ids do not name it`);
        else if (c.status === "related" && !(rule.related ?? []).includes(c.id))
          wrong.push(`${c.file}: ${c.id} is related to ${id}, whose related list does not name it`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("lists every alias and related id of the rules on the resource types it inventories, with that rule", async () => {
    const rules = await bundledRuleMetadata();
    const byId = new Map(checks.map((c) => [c.id, c]));
    const inventoried = (r: RuleMetadata) =>
      inventories.some(
        (i) =>
          r.providers.includes(i.provider) &&
          Object.values(i.services).some((types) => types.some((t) => r.resourceTypes.includes(t))),
      );
    const wrong: string[] = [];
    for (const r of rules.filter(inventoried)) {
      for (const [id, status] of [
        ...r.aliases.map((a) => [a, "equivalent"] as const),
        // A narrower check is equivalent finding by finding: the rule names it on each finding it would raise.
        ...(r.narrower ?? []).map((a) => [a, "equivalent"] as const),
        ...(r.related ?? []).map((a) => [a, "related"] as const),
      ]) {
        const c = byId.get(id);
        if (!c) wrong.push(`${r.id}: ${id} is not in the inventory`);
        else if ((c.rule !== r.id && !(c.alsoRules ?? []).includes(r.id)) || c.status !== status)
          wrong.push(`${r.id}: ${id} is listed as ${c.status} ${c.rule ?? ""}, not as ${status} ${r.id}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("is what docs/coverage.md shows (regenerate with npm run docs:coverage), and the coverage holds its floor", () => {
    expect(readFileSync(COVERAGE_PAGE, "utf8")).toBe(renderCoverage(inventories));
    const floor = JSON.parse(readFileSync(`${INVENTORY_DIR}/floor.json`, "utf8")) as { minimumPercent: number };
    expect(totals(checks).percent).toBeGreaterThanOrEqual(floor.minimumPercent);
  });
});

describe("the inventory schema", () => {
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(`${INVENTORY_DIR}/inventory.schema.json`, "utf8")));
  const inventory = (check: Record<string, unknown>) => ({
    provider: "aws",
    services: { S3: ["aws_s3_bucket"] },
    checks: [{ id: "CKV_AWS_1", tool: "checkov", service: "S3", pillar: "iam", title: "t", source: "s", ...check }],
  });

  it("lets an equivalent name the other rules it is split across and what it passes on purpose", () => {
    expect(
      validate(inventory({ status: "equivalent", rule: "PG-A", alsoRules: ["PG-B"], differs: "a secure default" })),
    ).toBe(true);
  });

  it("refuses other rules or a deliberate difference on a check that is not equivalent", () => {
    expect(validate(inventory({ status: "related", rule: "PG-A", reason: "r", differs: "d" }))).toBe(false);
    expect(validate(inventory({ status: "related", rule: "PG-A", reason: "r", alsoRules: ["PG-B"] }))).toBe(false);
  });
});

describe("the coverage totals", () => {
  it("count equivalents over the checks that can be judged from a plan", () => {
    const t = totals([
      { status: "equivalent" },
      { status: "equivalent" },
      { status: "related" },
      { status: "missing" },
      { status: "not-applicable" },
    ]);
    expect(t).toMatchObject({ checks: 5, applicable: 4, equivalent: 2, related: 1, missing: 1, percent: 50 });
  });
});
