import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { formatDriftSarif } from "../../src/drift/report/sarif.js";
import { runDrift } from "../../src/drift/run.js";
import { fixturePath, repoRoot } from "../helpers/shared.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(`${repoRoot}/test/schemas/sarif-schema-2.1.0.json`, "utf8")));

const plan = fixturePath("drift", "refresh-only-scenario.json");
const states = {
  baseline: fixturePath("drift", "states", "baseline.json"),
  current: fixturePath("drift", "states", "current.tfstate"),
};

describe("drift SARIF", () => {
  it.each([
    ["the refresh-only plan", { plan }],
    ["the state pair", states],
  ])("validates against SARIF 2.1.0 for %s, with stable, distinct fingerprints", async (_name, target) => {
    const log = JSON.parse(formatDriftSarif(await runDrift({ target, config: {} }), { baseDir: repoRoot }));
    expect(validateSarif(log)).toBe(true);
    const run = log.runs[0];
    for (const res of run.results) expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
    const prints = (l: typeof log) =>
      l.runs[0].results.map(
        (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["planguardFingerprint/v1"],
      );
    expect(new Set(prints(log)).size).toBe(prints(log).length);
    const again = JSON.parse(formatDriftSarif(await runDrift({ target, config: {} }), { baseDir: repoRoot }));
    expect(prints(again)).toEqual(prints(log));
  });

  it("the resolved violation is a note under PG-DRIFT-004, not an alert under the rule", async () => {
    const log = JSON.parse(formatDriftSarif(await runDrift({ target: states, config: {} }), { baseDir: repoRoot }));
    const resolved = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === "PG-DRIFT-004");
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({
      level: "note",
      message: { text: expect.stringContaining("resolved PG-AWS-NET-001") },
    });
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).not.toContain("PG-AWS-NET-001");
  });

  it("points at the .tf block when a locator finds it", async () => {
    const report = await runDrift({
      target: { plan },
      config: {},
      locate: (r) =>
        r.address === "aws_security_group.training" ? { file: "infra/network.tf", line: 12, endLine: 40 } : undefined,
    });
    expect(report.resources[0]!.source).toEqual({ file: "infra/network.tf", line: 12, endLine: 40 });
    const results = JSON.parse(formatDriftSarif(report, { baseDir: repoRoot })).runs[0].results;
    const sg = results.filter(
      (r: { locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }) =>
        r.locations[0]!.logicalLocations[0]!.fullyQualifiedName === "aws_security_group.training",
    );
    expect(sg).toHaveLength(2);
    for (const r of sg)
      expect(r.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: "infra/network.tf" },
        region: { startLine: 12, endLine: 40 },
      });
    const others = results.filter(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri === "fixtures/drift/refresh-only-scenario.json",
    );
    expect(others).toHaveLength(3);
  });
});
