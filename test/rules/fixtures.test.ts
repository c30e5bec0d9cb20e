import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import { BUNDLED_RULES } from "../../src/rules/index.js";
import { runScan } from "../../src/scan/run.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * Every bundled TypeScript rule has fixtures/rules/<id>/fail.json, on which
 * it must fire, and pass.json, on which it must stay silent. GPU rules are
 * judged with the quota in fixtures/rules/gpu.planguard.yaml.
 */
const gpuConfigFile = fixturePath("rules", "gpu.planguard.yaml");
const gpuConfig = parseConfig(gpuConfigFile, readFileSync(gpuConfigFile, "utf8"));

async function firedBy(ruleId: string, file: string) {
  const result = await runScan({ files: [file], config: gpuConfig });
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => f.ruleId === ruleId && !f.undecided);
}

describe("bundled TypeScript rules against their fixtures", () => {
  for (const rule of BUNDLED_RULES) {
    const id = rule.meta.id;
    describe(id, () => {
      it("has a failing and a passing fixture", () => {
        expect(existsSync(fixturePath("rules", id, "fail.json"))).toBe(true);
        expect(existsSync(fixturePath("rules", id, "pass.json"))).toBe(true);
      });
      it("fires on fail.json, with a message and the resource", async () => {
        const findings = await firedBy(id, fixturePath("rules", id, "fail.json"));
        expect(findings.length).toBeGreaterThan(0);
        for (const f of findings) {
          expect(f.message).toMatch(/\S/);
          expect(f.resource?.address).toBeTruthy();
          expect(f.category).toBe(rule.meta.category);
        }
      });
      it("stays silent on pass.json", async () => {
        expect(await firedBy(id, fixturePath("rules", id, "pass.json"))).toEqual([]);
      });
    });
  }
});
