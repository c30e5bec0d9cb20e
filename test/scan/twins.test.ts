import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import { runScan } from "../../src/scan/run.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * The core issue's acceptance plan: a bad and a good twin per pillar, a
 * deleted resource, planted secrets. Every bad twin is flagged with its
 * check, no good twin and nothing deleted is, and the secret appears nowhere.
 */
interface Expected {
  secret_marker: string;
  gpu: { before: number; after: number; by_model_after: Record<string, number> };
  plan_findings: { check: string; category: string; resources: string[] }[];
  resources: Record<string, { verdict: "bad" | "good" | "deleted"; category?: string; check?: string }>;
}

const dir = (...p: string[]) => fixturePath("plans", "twins", ...p);
const expected = JSON.parse(readFileSync(dir("expected.json"), "utf8")) as Expected;
const config = parseConfig(dir(".planguard.yaml"), readFileSync(dir(".planguard.yaml"), "utf8"));
const planWide = new Set(expected.plan_findings.map((p) => p.check));

describe("the twins plan", async () => {
  const result = await runScan({ files: [dir("plan.json")], config });
  // Twins are good or bad within their pillar; the governance category (secrets in state, pinning) has its own fixtures.
  const onAddress = (address: string) =>
    result.findings.filter(
      (f) => f.resource?.address === address && !planWide.has(f.ruleId) && f.category !== "governance",
    );

  for (const [address, verdict] of Object.entries(expected.resources)) {
    if (verdict.verdict === "bad") {
      it(`flags ${address} with ${verdict.check} (${verdict.category}) and nothing else`, () => {
        const findings = onAddress(address);
        // A plan-wide check (the GPU total) is asserted once for the plan below.
        if (planWide.has(verdict.check!)) return expect(findings).toEqual([]);
        expect(findings.map((f) => f.ruleId)).toEqual([verdict.check]);
        expect(findings[0]!.category).toBe(verdict.category);
      });
    } else {
      it(`reports nothing on ${verdict.verdict} ${address}`, () => {
        expect(onAddress(address)).toEqual([]);
      });
    }
  }

  for (const pf of expected.plan_findings) {
    it(`reports ${pf.check} once for the plan`, () => {
      const found = result.findings.filter((f) => f.ruleId === pf.check);
      expect(found).toHaveLength(1);
      expect(found[0]!.category).toBe(pf.category);
      expect(pf.resources).toContain(found[0]!.resource?.address);
    });
  }

  it("counts GPUs before and after the plan by model", () => {
    expect(result.gpu.before.total).toBe(expected.gpu.before);
    expect(result.gpu.after.total).toBe(expected.gpu.after);
    expect(result.gpu.after.byModel).toEqual(expected.gpu.by_model_after);
  });

  it("keeps the planted secret out of every format", async () => {
    expect(readFileSync(dir("plan.json"), "utf8")).toContain(expected.secret_marker);
    for (const format of ["text", "json", "sarif", "markdown", "github"]) {
      const run = await runCli(["scan", dir("plan.json"), "--config", dir(".planguard.yaml"), "-f", format]);
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).not.toContain(expected.secret_marker);
    }
  });
});
