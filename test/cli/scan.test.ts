import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

const bad = fixturePath("rules", "PG-AWS-EBS-001", "fail.json");
const good = fixturePath("rules", "PG-AWS-EBS-001", "pass.json");
const tmp = () => mkdtempSync(path.join(tmpdir(), "planguard-cli-"));

describe("planguard scan exit codes", () => {
  it("exits 1 with findings at or above the threshold", async () => {
    const run = await runCli(["scan", bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("PG-AWS-EBS-001");
    expect(run.stdout).toContain("aws_ebs_volume.scratch");
  });

  it("exits 0 on a clean plan", async () => {
    const run = await runCli(["scan", good]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No findings");
  });

  it("exits 0 when findings are below --fail-on", async () => {
    expect((await runCli(["scan", "--fail-on", "critical", bad])).code).toBe(0);
    expect((await runCli(["scan", "--fail-on", "high", bad])).code).toBe(1);
  });

  it("exits 0 with --soft-fail but still reports", async () => {
    const run = await runCli(["scan", "--soft-fail", bad]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("PG-AWS-EBS-001");
  });

  it.each([
    [["scan", "no-such-plan.json"], /^planguard: no-such-plan\.json: no such file\n$/],
    [
      ["scan", "--fail-on", "severe", bad],
      /^planguard: --fail-on must be one of critical, high, medium, low, info \(got "severe"\)\n$/,
    ],
    [["scan", "--format", "xml", bad], /^planguard: --format: unknown format "xml"/],
    [["scan"], /missing required argument/],
    [["scan", "--bogus", bad], /unknown option '--bogus'/],
  ])("exits 2 with one clear line for %j", async (args, message) => {
    const run = await runCli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a bad config file, naming the wrong key", async () => {
    const dir = tmp();
    const config = path.join(dir, "bad.yaml");
    writeFileSync(config, "gpu:\n  max_totl: 4\n");
    const run = await runCli(["scan", "--config", config, good]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `planguard: ${config}:2: unknown key "gpu.max_totl" (see src/config/config.schema.json for the keys planguard reads)\n`,
    );
  });
});

describe("planguard scan outputs", () => {
  it("writes several formats in one run: text on stdout, SARIF and JSON to files", async () => {
    const dir = tmp();
    const sarif = path.join(dir, "out.sarif");
    const json = path.join(dir, "out.json");
    const run = await runCli(["scan", bad, "-o", `sarif=${sarif}`, "-o", `json=${json}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("PG-AWS-EBS-001");
    const log = JSON.parse(readFileSync(sarif, "utf8"));
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0].results[0].ruleId).toBe("PG-AWS-EBS-001");
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.summary.bySeverity.high).toBe(1);
    expect(report.findings[0]).toMatchObject({
      ruleId: "PG-AWS-EBS-001",
      severity: "high",
      category: "encryption",
      resource: { address: "aws_ebs_volume.scratch" },
    });
  });

  it("says which file cannot be written, exit 2", async () => {
    const run = await runCli(["scan", bad, "-o", "sarif=/nonexistent-dir/x.sarif"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^planguard: \/nonexistent-dir\/x\.sarif: cannot write the report: no such file\n$/);
  });

  it("prints no colour when NO_COLOR is set or output is not a terminal", async () => {
    const run = await runCli(["scan", bad]);
    expect(run.stdout).not.toContain("\x1b[");
  });
});

describe("planguard rules", () => {
  it("lists every rule in JSON with its metadata", async () => {
    const run = await runCli(["rules", "--format", "json"]);
    expect(run.code).toBe(0);
    const rules = JSON.parse(run.stdout) as { id: string; category: string; severity: string; remediation: string }[];
    const categories = new Set(rules.map((r) => r.category));
    for (const c of ["encryption", "iam", "network", "gpu"]) expect(categories.has(c)).toBe(true);
    for (const r of rules) expect(r.remediation).toMatch(/\S/);
  });
});
