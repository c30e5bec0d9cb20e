import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCAN_FORMATS } from "../../src/cli/formats.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

const MARKER = "PLANGUARD-SECRET-MARKER-7f3a";
const plan = fixturePath("plans", "secrets", "plan.json");

describe("sensitive values", () => {
  it("are planted in the fixture, so the test can fail", () => {
    expect(readFileSync(plan, "utf8").split(MARKER).length - 1).toBeGreaterThanOrEqual(10);
  });

  it("reach no report format, no file and no --debug output", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-secrets-"));
    // Every format the scan has, so that a new one (junitxml) is covered without being listed.
    const formats = Object.keys(SCAN_FORMATS);
    expect(formats).toContain("junitxml");
    expect(formats).toContain("html");
    for (const format of formats) {
      const run = await runCli(["--debug", "scan", plan, "-f", format, "-o", `${format}=${path.join(dir, `out.${format}`)}`, "--write-baseline", path.join(dir, "baseline.json")]);
      expect(run.code).toBe(1);
      expect(run.stdout).not.toContain(MARKER);
      expect(run.stderr).not.toContain(MARKER);
    }
    for (const file of readdirSync(dir)) expect(readFileSync(path.join(dir, file), "utf8")).not.toContain(MARKER);
  });

  it("still lets the rules judge the resource that holds them", async () => {
    const run = await runCli(["scan", plan, "-f", "json"]);
    const ids = JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(["PG-AWS-RDS-001", "PG-AWS-NET-002", "PG-AWS-EBS-001"]));
  });
});
