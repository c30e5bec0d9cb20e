import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import { buildSarif } from "../../src/report/sarif.js";
import { runScan } from "../../src/scan/run.js";
import { fixturePath, repoRoot } from "../helpers/shared.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const schema = JSON.parse(readFileSync(`${repoRoot}/test/schemas/sarif-schema-2.1.0.json`, "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

const config = parseConfig("gpu", readFileSync(fixturePath("rules", "gpu.planguard.yaml"), "utf8"));
const failing = ["PG-AWS-EBS-001", "PG-AWS-NET-001", "PG-AWS-IAM-001", "PG-GPU-001"].map((id) =>
  fixturePath("rules", id, "fail.json"),
);

describe("SARIF report", () => {
  it("validates against the SARIF 2.1.0 schema and meets GitHub's rules", async () => {
    const result = await runScan({ files: failing, config });
    expect(result.findings.length).toBeGreaterThan(3);
    const sarif = buildSarif(result, { baseDir: repoRoot });
    const valid = validateSarif(sarif);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    const run = sarif.runs[0]!;
    expect(sarif.runs).toHaveLength(1);
    for (const rule of run.tool.driver.rules ?? []) {
      expect(rule.shortDescription?.text.length).toBeLessThanOrEqual(1024);
      expect(rule.fullDescription?.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help?.text).toBeTruthy();
      const score = Number(rule.properties?.["security-severity"]);
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(10);
      expect((rule.properties?.["tags"] as string[] | undefined)?.length).toBeLessThanOrEqual(20);
    }
    for (const res of run.results ?? []) {
      const loc = res.locations?.[0]?.physicalLocation;
      expect(loc?.artifactLocation?.uri).toMatch(/^fixtures\/rules\/PG-/);
      expect(loc?.region?.startLine).toBeGreaterThanOrEqual(1);
      expect(res.partialFingerprints?.["planguardFingerprint/v1"]).toMatch(/^[0-9a-f]{32}$/);
      expect(run.tool.driver.rules?.[res.ruleIndex!]?.id).toBe(res.ruleId);
    }
  });

  it("gives the same fingerprints on every run", async () => {
    const a = buildSarif(await runScan({ files: failing, config }), { baseDir: repoRoot });
    const b = buildSarif(await runScan({ files: failing, config }), { baseDir: repoRoot });
    const prints = (log: typeof a) =>
      log.runs[0]!.results!.map((r) => r.partialFingerprints!["planguardFingerprint/v1"]);
    expect(prints(a)).toEqual(prints(b));
    expect(new Set(prints(a)).size).toBe(prints(a).length);
  });
});

describe("SARIF within GitHub's limits", () => {
  it("leaves out the least severe results past the result limit, and says so", async () => {
    const { formatSarif } = await import("../../src/report/sarif.js");
    const result = await runScan({ files: failing, config });
    const n = result.findings.length;
    const log = JSON.parse(
      formatSarif(result, { baseDir: repoRoot }, { maxResults: 2, maxGzipBytes: 10 * 1024 * 1024 }),
    );
    const run = log.runs[0];
    expect(run.results).toHaveLength(2);
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(
      result.findings.slice(0, 2).map((f) => f.ruleId),
    );
    expect(run.invocations[0].toolExecutionNotifications.at(-1).message.text).toContain(`${n - 2} of ${n} findings`);
  });

  it("shrinks until the gzipped size fits", async () => {
    const { formatSarif } = await import("../../src/report/sarif.js");
    const { gzipSync } = await import("node:zlib");
    const result = await runScan({ files: failing, config });
    const full = gzipSync(formatSarif(result, { baseDir: repoRoot })).length;
    const limit = full - 40;
    const text = formatSarif(result, { baseDir: repoRoot }, { maxResults: 25_000, maxGzipBytes: limit });
    expect(gzipSync(text).length).toBeLessThanOrEqual(limit);
    expect(JSON.parse(text).runs[0].results.length).toBeLessThan(result.findings.length);
  });

  it("in pieces, measures the gzipped size as gzipSync does: the same text at and around the limit", async () => {
    const { formatSarif, sarifPieces } = await import("../../src/report/sarif.js");
    const { gzipSync } = await import("node:zlib");
    const result = await runScan({ files: failing, config });
    const full = gzipSync(formatSarif(result, { baseDir: repoRoot })).length;
    const shown = new Set<number>();
    for (const maxGzipBytes of [full, full - 1, full - 40, 1]) {
      const limits = { maxResults: 25_000, maxGzipBytes };
      const whole = formatSarif(result, { baseDir: repoRoot }, limits);
      expect((await sarifPieces(result, { baseDir: repoRoot }, limits)).join("")).toBe(whole);
      shown.add(JSON.parse(whole).runs[0].results.length);
    }
    // The limits chosen left out none, some, and all of the results.
    expect(shown.has(result.findings.length)).toBe(true);
    expect(shown.has(0)).toBe(true);
    expect(shown.size).toBeGreaterThanOrEqual(3);
  });
});
