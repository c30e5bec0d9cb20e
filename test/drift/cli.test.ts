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
    [["drift"], /^planguard: drift needs a plan, or --baseline-state <state> and --current <state>\n$/],
    [
      ["drift", plan, "--baseline-state", baseline],
      /^planguard: give a plan, or --baseline-state and --current, not both\n$/,
    ],
    [
      ["drift", "--baseline-state", baseline],
      /^planguard: --current is missing: drift between states compares --baseline-state with --current\n$/,
    ],
    [["drift", "--current", current], /^planguard: --baseline-state is missing/],
    [
      ["drift", "--baseline-state", "-", "--current", "-"],
      /^planguard: --baseline-state and --current cannot both read stdin\n$/,
    ],
    [
      ["drift", "--baseline-state", baseline, "--baseline", baseline, "--current", current],
      /^planguard: give --baseline-state once/,
    ],
    [["drift", plan, "--source-dir", "no-such-dir"], /^planguard: --source-dir no-such-dir: no such directory\n$/],
    [["drift", "no-such-plan.json"], /^planguard: no-such-plan\.json: no such file\n$/],
    [["drift", baseline], /: this is a state, but a plan was expected/],
    [["drift", "--baseline-state", plan, "--current", current], /: this is a plan, but a state was expected/],
    [
      ["drift", plan, "-f", "xml"],
      /^planguard: --format: unknown format "xml" \(known: text, json, markdown, sarif, github, junitxml, html\)\n$/,
    ],
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
    expect(run.stderr).toBe(
      `planguard: ${config}:2: unknown key "drift.ignor" (see src/config/config.schema.json for the keys planguard reads)\n`,
    );
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

  it("lists drift in the help, with the state flag under its new name only", async () => {
    const run = await runCli(["drift", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--baseline-state <state>");
    expect(run.stdout).not.toContain("--baseline <state>");
  });

  it("still takes the old --baseline, with a deprecation warning, and reports the same drift", async () => {
    const renamed = await runCli(["drift", "--baseline-state", baseline, "--current", current, "-f", "json"]);
    const old = await runCli(["drift", "--baseline", baseline, "--current", current, "-f", "json"]);
    expect(old.stderr).toBe(
      "planguard: warning: drift --baseline is deprecated (scan's --baseline is a findings file); use --baseline-state\n",
    );
    expect(renamed.stderr).toBe("");
    expect(old.code).toBe(renamed.code);
    expect(JSON.parse(old.stdout).summary).toEqual(JSON.parse(renamed.stdout).summary);
    expect(JSON.parse(old.stdout).summary.drifted).toBeGreaterThan(0);
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
    expect(report.failures).toEqual([
      { ruleId: "PG-TEST-BROKEN", origin: "builtin", resource: "aws_security_group.training", message: "boom" },
    ]);
    expect(report.resources.map((r) => r.severity)).toEqual(["medium", "low", "low", "low"]);
  });
});
