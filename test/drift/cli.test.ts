import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

const plan = fixturePath("drift", "refresh-only-scenario.json");
const baseline = fixturePath("drift", "states", "baseline.json");
const current = fixturePath("drift", "states", "current.tfstate");

describe("planguard drift: usage and errors", () => {
  it.each([
    [["drift"], /^planguard: drift needs a plan, or --baseline <state> and --current <state>\n$/],
    [["drift", plan, "--baseline", baseline], /^planguard: give a plan, or --baseline and --current, not both\n$/],
    [["drift", "--baseline", baseline], /^planguard: --current is missing: drift between states compares --baseline with --current\n$/],
    [["drift", "--current", current], /^planguard: --baseline is missing/],
    [["drift", "--baseline", "-", "--current", "-"], /^planguard: --baseline and --current cannot both read stdin\n$/],
    [["drift", "no-such-plan.json"], /^planguard: no-such-plan\.json: no such file\n$/],
    [["drift", baseline], /: this is a state, but a plan was expected/],
    [["drift", "--baseline", plan, "--current", current], /: this is a plan, but a state was expected/],
    [["drift", plan, "-f", "xml"], /^planguard: --format: unknown format "xml" \(known: text, json, markdown, sarif, github, html\)\n$/],
    [["drift", plan, "--fail-on", "severe"], /^planguard: --fail-on must be one of critical, high, medium, low, info/],
  ])("exits 2 with one line for %j", async (args, message) => {
    const run = await runCli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stdout).toBe("");
  });

  it("refuses a misspelt drift config key, naming it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-drift-cli-"));
    const config = path.join(dir, "bad.yaml");
    writeFileSync(config, "drift:\n  ignor:\n    '*': [etag]\n");
    const run = await runCli(["drift", plan, "--config", config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`planguard: ${config}: unknown key "drift.ignor" (see src/config/config.schema.json for the keys planguard reads)\n`);
  });

  it("writes several reports in one run, as the nightly workflow does", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-drift-cli-"));
    const md = path.join(dir, "drift.md");
    const sarif = path.join(dir, "drift.sarif");
    const run = await runCli(["drift", plan, "-o", `markdown=${md}`, "-o", `sarif=${sarif}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("4 drifted resources: 1 high, 1 medium, 2 low (3 changed, 1 deleted).");
    expect(readFileSync(md, "utf8")).toMatch(/^## planguard drift/);
    expect(JSON.parse(readFileSync(sarif, "utf8")).version).toBe("2.1.0");
  });

  it("lists drift in the help", async () => {
    const run = await runCli(["drift", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--baseline <state>");
  });
});

describe("a rule that breaks while judging drift", () => {
  it("is reported once, and the run exits 2", async () => {
    const { runDrift } = await import("../../src/drift/run.js");
    const { resourceRule } = await import("../../src/policy/rule.js");
    const broken = resourceRule({
      id: "PG-TEST-BROKEN",
      title: "Broken",
      description: "Throws.",
      severity: "low",
      category: "network",
      remediation: "None.",
      resourceTypes: ["aws_security_group"],
      check: () => {
        throw new Error("boom");
      },
    });
    const report = await runDrift({ target: { plan }, config: {}, rules: [broken] });
    expect(report.failures).toEqual([{ ruleId: "PG-TEST-BROKEN", origin: "builtin", resource: "aws_security_group.training", message: "boom" }]);
    expect(report.resources.map((r) => r.severity)).toEqual(["medium", "low", "low", "low"]);
  });
});
