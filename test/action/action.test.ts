import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { runAction } from "../../src/action/run.js";
import { captureOutput } from "../helpers/cli.js";
import { fixturePath, repoRoot } from "../helpers/shared.js";

/** Reads GITHUB_OUTPUT's `name<<delimiter` records. */
function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = readFileSync(file, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(\S+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    out[m[1]!] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return out;
}

describe("the GitHub Action", () => {
  it("annotates, writes the job summary, the SARIF file and the outputs, as GitHub runs it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-action-"));
    const summary = path.join(dir, "summary.md");
    const outputs = path.join(dir, "outputs.txt");
    writeFileSync(summary, "");
    writeFileSync(outputs, "");
    const env = {
      INPUT_PLAN: [fixturePath("rules", "PG-AWS-EBS-001", "fail.json"), fixturePath("rules", "PG-AWS-IAM-001", "fail.json")].join("\n"),
      INPUT_MODE: "scan",
      "INPUT_SARIF-FILE": path.join(dir, "results.sarif"),
      "INPUT_FAIL-ON": "high",
      INPUT_ANNOTATIONS: "true",
      "INPUT_JOB-SUMMARY": "true",
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: outputs,
    };
    const run = await captureOutput(() => runAction(env));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=.*,line=1,title=PG-AWS-IAM-001 aws_iam_policy\.platform_admin::\[critical\]/m);
    expect(run.stdout).toMatch(/^::error .*PG-AWS-EBS-001/m);
    expect(readFileSync(summary, "utf8")).toContain("**2 findings**");
    const out = readOutputs(outputs);
    expect(out["findings"]).toBe("2");
    expect(out["critical-count"]).toBe("1");
    expect(out["exit-code"]).toBe("1");
    expect(JSON.parse(readFileSync(out["sarif-file"]!, "utf8")).runs[0].results).toHaveLength(2);
  });

  it("runs from its single-file bundle, where GitHub starts it, with the bundled policies found", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-bundle-"));
    const sarif = path.join(dir, "results.sarif");
    const run = spawnSync(process.execPath, [path.join(repoRoot, "dist", "action", "index.js")], {
      cwd: dir,
      encoding: "utf8",
      env: { PATH: process.env["PATH"] ?? "", INPUT_PLAN: fixturePath("rules", "PG-AWS-IAM-001", "fail.json"), INPUT_MODE: "scan", "INPUT_SARIF-FILE": sarif, INPUT_ANNOTATIONS: "false", "INPUT_JOB-SUMMARY": "false" },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const results = JSON.parse(readFileSync(sarif, "utf8")).runs[0].results as { ruleId: string }[];
    expect(results.map((r) => r.ruleId)).toContain("PG-AWS-IAM-001");
  });

  it("passes the environment input on as --environment, so the workflow and not the plan chooses", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-action-"));
    const base = {
      INPUT_PLAN: fixturePath("rules", "PG-AWS-GOV-001", "fail.json"),
      INPUT_MODE: "scan",
      INPUT_CONFIG: fixturePath("rules", "governance.planguard.yaml"),
      "INPUT_SARIF-FILE": path.join(dir, "results.sarif"),
      INPUT_ANNOTATIONS: "true",
      "INPUT_JOB-SUMMARY": "false",
    };
    // The fixture's provider assumes a role in prod's account: a finding for a dev plan, none for a prod one.
    const asDev = await captureOutput(() => runAction({ ...base, INPUT_ENVIRONMENT: "dev" }));
    expect(asDev.stdout).toMatch(/PG-AWS-GOV-001/);
    const asProd = await captureOutput(() => runAction({ ...base, INPUT_ENVIRONMENT: "prod" }));
    expect(asProd.stdout).not.toMatch(/PG-AWS-GOV-001/);
  });

  it("refuses a missing plan input", async () => {
    await expect(runAction({})).rejects.toThrow(/input "plan" is required/);
  });

  it("refuses several plans in drift mode, which compares one plan with its prior state", async () => {
    await expect(runAction({ INPUT_PLAN: "a.json\nb.json", INPUT_MODE: "drift" })).rejects.toThrow(/takes one refresh-only plan in drift mode \(got 2\)/);
  });

  it("declares every input the entry point reads, on node24, from the bundle", () => {
    const action = parseYaml(readFileSync(path.join(repoRoot, "action.yml"), "utf8")) as { inputs: Record<string, unknown>; runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: "node24", main: "dist/action/index.js" });
    const source = readFileSync(path.join(repoRoot, "src", "action", "run.ts"), "utf8");
    const read = [...source.matchAll(/get(?:Boolean|List)?Input\("([\w-]+)"/g)].map((m) => m[1]);
    for (const name of read) expect(Object.keys(action.inputs)).toContain(name);
  });
});

describe("the GitHub Action in drift mode", () => {
  it("runs planguard drift on a refresh-only plan, annotating and summarizing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-action-drift-"));
    const summary = path.join(dir, "summary.md");
    const outputs = path.join(dir, "outputs.txt");
    writeFileSync(summary, "");
    writeFileSync(outputs, "");
    const run = await captureOutput(() =>
      runAction({
        INPUT_PLAN: fixturePath("drift", "refresh-only-scenario.json"),
        INPUT_MODE: "drift",
        "INPUT_SARIF-FILE": path.join(dir, "drift.sarif"),
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: outputs,
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error .*PG-AWS-NET-001/m);
    expect(readFileSync(summary, "utf8")).toMatch(/drift/i);
    expect(Number(readOutputs(outputs)["findings"])).toBeGreaterThanOrEqual(4);
  });
});
