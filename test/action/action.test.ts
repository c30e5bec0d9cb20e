import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { commandLine, readInputs } from "../../src/action/args.js";
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

/**
 * A workspace as GitHub prepares it: the checkout is the working directory
 * and GITHUB_WORKSPACE; the summary and output files exist and are empty.
 * Inputs are given as the action.yml defaults GitHub passes, then the test's.
 */
interface Workspace {
  dir: string;
  env: NodeJS.ProcessEnv;
  summary(): string;
  outputs(): Record<string, string>;
}

const DEFAULTS: Record<string, string> = {
  mode: "scan",
  policy: "",
  "rego-version": "v1",
  data: "",
  namespace: "",
  "no-bundled": "false",
  bundle: "",
  rules: "",
  "skip-rules": "",
  config: "",
  "fail-on": "low",
  "soft-fail": "false",
  "sarif-file": "planguard.sarif",
  annotations: "true",
  "job-summary": "true",
  "changed-only": "false",
  baseline: "",
  "working-directory": "",
  "source-dir": "",
  environment: "",
};

function workspace(inputs: Record<string, string>): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), "planguard-action-ws-"));
  const runner = mkdtempSync(path.join(tmpdir(), "planguard-action-runner-"));
  const summary = path.join(runner, "summary.md");
  const outputs = path.join(runner, "outputs.txt");
  writeFileSync(summary, "");
  writeFileSync(outputs, "");
  const env: NodeJS.ProcessEnv = {
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: dir,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: outputs,
  };
  for (const [name, value] of Object.entries({ ...DEFAULTS, ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value;
  return { dir, env, summary: () => readFileSync(summary, "utf8"), outputs: () => readOutputs(outputs) };
}

const startDir = process.cwd();
afterEach(() => process.chdir(startDir));

/** Runs the Action as GitHub starts it: in the workspace. */
function run(ws: Workspace) {
  process.chdir(ws.dir);
  return captureOutput(() => runAction(ws.env));
}

function copyFixture(ws: Workspace, to: string, ...from: string[]): string {
  mkdirSync(path.dirname(path.join(ws.dir, to)), { recursive: true });
  writeFileSync(path.join(ws.dir, to), readFileSync(fixturePath(...from)));
  return to;
}

describe("the GitHub Action", () => {
  it("annotates, writes the job summary, the SARIF file and the outputs, as GitHub runs it", async () => {
    const ws = workspace({ plan: "", "fail-on": "high", "sarif-file": "results.sarif" });
    ws.env["INPUT_PLAN"] = [
      copyFixture(ws, "a/plan.json", "rules", "PG-AWS-EBS-001", "fail.json"),
      copyFixture(ws, "b/plan.json", "rules", "PG-AWS-IAM-001", "fail.json"),
    ].join("\n");
    const r = await run(ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^::error file=.*,line=1,title=PG-AWS-IAM-001 aws_iam_policy\.platform_admin::\[critical\]/m,
    );
    expect(r.stdout).toMatch(/^::error .*PG-AWS-EBS-001/m);
    expect(ws.summary()).toContain("**2 findings**");
    const out = ws.outputs();
    expect(out["findings"]).toBe("2");
    expect(out["critical-count"]).toBe("1");
    expect(out["info-count"]).toBe("0");
    expect(out["exit-code"]).toBe("1");
    expect(out["sarif-file"]).toBe(path.join(ws.dir, "results.sarif"));
    expect(JSON.parse(readFileSync(out["sarif-file"]!, "utf8")).runs[0].results).toHaveLength(2);
  });

  it("the job summary starts with the verdict, the fail-on threshold, the counts and what was suppressed", async () => {
    const ws = workspace({ plan: "plan.json", "fail-on": "high" });
    copyFixture(ws, "plan.json", "rules", "PG-AWS-IAM-001", "fail.json");
    expect((await run(ws)).code).toBe(1);
    const lines = ws.summary().split("\n");
    expect(lines[0]).toBe("## planguard: ❌ fail");
    expect(lines[2]).toBe(
      "fail-on `high` · 1 finding (1 critical), 1 at or above high · 0 suppressed · no config file",
    );
    expect(ws.summary().match(/^## /gm)).toHaveLength(1);
  });

  it("finds the config beside the plan's root module, applies it, and names it in the summary", async () => {
    const ws = workspace({ plan: "infra/plan.json" });
    copyFixture(ws, "infra/plan.json", "rules", "PG-AWS-IAM-001", "fail.json");
    writeFileSync(
      path.join(ws.dir, "infra", ".planguard.yaml"),
      "waivers:\n  - rule: PG-AWS-IAM-001\n    reason: break-glass role, reviewed\n",
    );
    const r = await run(ws);
    expect(r.code).toBe(0);
    const summary = ws.summary();
    expect(summary.split("\n")[0]).toBe("## planguard: ✅ pass");
    expect(summary).toContain(
      "0 findings, 0 at or above low · 1 suppressed (0 inline, 1 waiver, 0 baseline) · config `infra/.planguard.yaml`",
    );
    expect(r.stdout).toMatch(/^::notice title=planguard%3A 1 finding suppressed::1 suppressed: 1 waiver/m);
  });

  it("soft-fail passes the step with findings at fail-on, and says so", async () => {
    const ws = workspace({ plan: "plan.json", "soft-fail": "true" });
    copyFixture(ws, "plan.json", "rules", "PG-AWS-IAM-001", "fail.json");
    expect((await run(ws)).code).toBe(0);
    expect(ws.summary().split("\n")[0]).toBe("## planguard: ✅ pass (soft-fail: it would fail)");
    expect(ws.outputs()["findings"]).toBe("1");
  });

  it("a missing plan is an ::error annotation and a summary line; no SARIF output, even beside a committed planguard.sarif", async () => {
    const ws = workspace({ plan: "missing.json" });
    const stale = '{"runs":[{"results":[]}],"note":"committed by the pull request"}';
    writeFileSync(path.join(ws.dir, "planguard.sarif"), stale);
    const r = await run(ws);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error title=planguard::missing\.json: /m);
    expect(ws.summary()).toMatch(/^## planguard: ⚠️ error\n[\s\S]*\n> ❌ missing\.json: /);
    const out = ws.outputs();
    expect(out["sarif-file"]).toBeUndefined();
    expect(out["exit-code"]).toBe("2");
    expect(readFileSync(path.join(ws.dir, "planguard.sarif"), "utf8")).toBe(stale);
  });

  it("a bad config is an ::error annotation and a summary line", async () => {
    const ws = workspace({ plan: "plan.json", config: "bad.yaml" });
    copyFixture(ws, "plan.json", "rules", "PG-AWS-IAM-001", "fail.json");
    writeFileSync(path.join(ws.dir, "bad.yaml"), "rulez: {}\n");
    const r = await run(ws);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error title=planguard::bad\.yaml:1: unknown key "rulez"/m);
    expect(ws.summary()).toContain('> ❌ bad.yaml:1: unknown key "rulez"');
  });

  it("creates the SARIF file's directory", async () => {
    const ws = workspace({ plan: "plan.json", "sarif-file": "reports/sec/planguard.sarif" });
    copyFixture(ws, "plan.json", "rules", "PG-AWS-IAM-001", "fail.json");
    expect((await run(ws)).code).toBe(1);
    expect(ws.outputs()["sarif-file"]).toBe(path.join(ws.dir, "reports", "sec", "planguard.sarif"));
    expect(
      JSON.parse(readFileSync(path.join(ws.dir, "reports", "sec", "planguard.sarif"), "utf8")).runs[0].results,
    ).toHaveLength(1);
  });

  it("a bad input is an annotation and a summary line, and its error cannot forge a workflow command", async () => {
    const ws = workspace({ plan: "plan.json", mode: "scan\n::add-mask::x" });
    const r = await run(ws);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /^::error title=planguard::input "mode" must be scan or drift \(got "scan%0A::add-mask::x"\)$/m,
    );
    expect(r.stdout.split("\n").filter((l) => /^\s*::/.test(l))).toHaveLength(1);
    expect(ws.summary()).toContain('> ❌ input "mode" must be scan or drift');
  });

  it("refuses a missing plan input", async () => {
    const ws = workspace({ plan: "" });
    const r = await run(ws);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error title=planguard::input "plan" is required/m);
    expect(ws.outputs()["exit-code"]).toBe("2");
  });

  it("passes data, namespace, no-bundled and policy to the scan", async () => {
    const ws = workspace({
      plan: "plan.json",
      policy: "policy",
      data: "data.yaml",
      namespace: "team",
      "no-bundled": "true",
    });
    copyFixture(ws, "plan.json", "rules", "PG-AWS-IAM-001", "fail.json");
    mkdirSync(path.join(ws.dir, "policy"));
    writeFileSync(
      path.join(ws.dir, "policy", "team.rego"),
      'package team\nimport rego.v1\ndeny contains msg if {\n  some rc in input.resource_changes\n  not rc.change.after.name in data.allowed\n  msg := sprintf("%s is not an allowed name", [rc.change.after.name])\n}\n',
    );
    writeFileSync(path.join(ws.dir, "data.yaml"), "allowed: [billing]\n");
    const r = await run(ws);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(readFileSync(path.join(ws.dir, "planguard.sarif"), "utf8"));
    // Only the user's rule ran: the bundled PG-AWS-IAM-001 is off.
    expect(
      sarif.runs[0].results.map((x: { ruleId: string; message: { text: string } }) => [x.ruleId, x.message.text]),
    ).toEqual([["team.deny", "platform-admin is not an allowed name"]]);
  });

  it("turns rules and skip-rules into --rule and --skip-rule, and refuses them on a build without those flags", () => {
    process.chdir(mkdtempSync(path.join(tmpdir(), "planguard-action-args-")));
    const inputs = readInputs({
      INPUT_PLAN: "plan.json",
      INPUT_RULES: "PG-AWS-IAM-001, CKV_AWS_20",
      "INPUT_SKIP-RULES": "PG-AWS-S3-001",
    });
    const files = { sarif: "s", json: "j", markdown: "m" };
    const args = commandLine(inputs, files, true);
    expect(args.join(" ")).toContain("--rule PG-AWS-IAM-001 --rule CKV_AWS_20 --skip-rule PG-AWS-S3-001");
    expect(() => commandLine(inputs, files, false)).toThrow(
      /inputs "rules" and "skip-rules" need planguard scan --rule\/--skip-rule/,
    );
    expect(commandLine(readInputs({ INPUT_PLAN: "plan.json" }), files, false)).not.toContain("--rule");
  });

  it("runs from its single-file bundle, where GitHub starts it, with the bundled policies found", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-bundle-"));
    const sarif = path.join(dir, "results.sarif");
    const r = spawnSync(process.execPath, [path.join(repoRoot, "dist", "action", "index.js")], {
      cwd: dir,
      encoding: "utf8",
      env: {
        PATH: process.env["PATH"] ?? "",
        INPUT_PLAN: fixturePath("rules", "PG-AWS-IAM-001", "fail.json"),
        INPUT_MODE: "scan",
        "INPUT_SARIF-FILE": sarif,
        INPUT_ANNOTATIONS: "false",
        "INPUT_JOB-SUMMARY": "false",
      },
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const results = JSON.parse(readFileSync(sarif, "utf8")).runs[0].results as { ruleId: string }[];
    expect(results.map((x) => x.ruleId)).toContain("PG-AWS-IAM-001");
  });

  it("passes rego-version on, so that a v0 policy library runs", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-action-v0-"));
    const base = {
      INPUT_PLAN: fixturePath("rules", "PG-AWS-NET-001", "fail.json"),
      INPUT_MODE: "scan",
      INPUT_POLICY: fixturePath("v0-library"),
      "INPUT_SARIF-FILE": path.join(dir, "results.sarif"),
      INPUT_ANNOTATIONS: "false",
      "INPUT_JOB-SUMMARY": "false",
    };
    const v0 = await captureOutput(() => runAction({ ...base, "INPUT_REGO-VERSION": "v0" }));
    expect(v0.code).toBe(1);
    const refused = await captureOutput(() => runAction(base));
    expect(refused.code).toBe(2);
    expect(refused.stdout + refused.stderr).toContain("pass --rego-version v0");
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

  it("declares every input and output the entry point uses, on node24, from the bundle", () => {
    const action = parseYaml(readFileSync(path.join(repoRoot, "action.yml"), "utf8")) as {
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, unknown>;
      runs: { using: string; main: string };
    };
    expect(action.runs).toEqual({ using: "node24", main: "dist/action/index.js" });
    const source = ["run.ts", "args.ts"]
      .map((f) => readFileSync(path.join(repoRoot, "src", "action", f), "utf8"))
      .join("\n");
    const read = [...source.matchAll(/get(?:Boolean|List)?Input\("([\w-]+)"/g)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(10);
    for (const name of read) expect(Object.keys(action.inputs)).toContain(name);
    expect(Object.keys(action.inputs).sort()).toEqual(["plan", ...Object.keys(DEFAULTS)].sort());
    for (const [name, value] of Object.entries(DEFAULTS)) expect(action.inputs[name]?.default ?? "", name).toBe(value);
    const written = [...source.matchAll(/setOutput\("([\w-]+)"/g)].map((m) => m[1]);
    for (const name of [...written, "critical-count", "high-count", "medium-count", "low-count", "info-count"])
      expect(Object.keys(action.outputs)).toContain(name);
  });
});

describe("the GitHub Action in drift mode", () => {
  it("runs planguard drift on a refresh-only plan; findings counts the SARIF results, drifted-resources the resources", async () => {
    const ws = workspace({ plan: "drift.json", mode: "drift", "sarif-file": "drift.sarif" });
    copyFixture(ws, "drift.json", "drift", "refresh-only-scenario.json");
    const r = await run(ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error .*PG-AWS-NET-001/m);
    expect(ws.summary().split("\n")[0]).toBe("## planguard drift: ❌ fail");
    const out = ws.outputs();
    const results = JSON.parse(readFileSync(path.join(ws.dir, "drift.sarif"), "utf8")).runs[0].results as {
      level: string;
    }[];
    expect(Number(out["findings"])).toBe(results.length);
    const bySeverity = ["critical", "high", "medium", "low", "info"].reduce((n, s) => n + Number(out[`${s}-count`]), 0);
    expect(bySeverity).toBe(results.length);
    expect(Number(out["drifted-resources"])).toBeGreaterThanOrEqual(4);
    expect(Number(out["drifted-resources"])).toBeLessThan(results.length);
  });

  it("refuses scan-only inputs rather than ignoring them", async () => {
    const ws = workspace({ plan: "drift.json", mode: "drift", baseline: "base.json", "changed-only": "true" });
    const r = await run(ws);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /^::error title=planguard::inputs "changed-only", "baseline" apply to mode: scan only; drift mode would ignore them$/m,
    );
  });

  it("refuses several plans, since drift compares one plan with its prior state", async () => {
    const ws = workspace({ plan: "a.json\nb.json", mode: "drift" });
    const r = await run(ws);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/takes one refresh-only plan in drift mode \(got 2\)/);
  });
});

describe("the GitHub Action when a rule breaks", () => {
  for (const annotations of ["true", "false"]) {
    it(`annotates the incomplete scan and says so in the summary (annotations: ${annotations})`, async () => {
      const ws = workspace({ plan: "plan.json", policy: "broken.rego", annotations });
      copyFixture(ws, "plan.json", "rules", "PG-AWS-IAM-001", "fail.json");
      // Fails at evaluation: a complete rule with two different values is a conflict error.
      writeFileSync(
        path.join(ws.dir, "broken.rego"),
        'package main\nimport rego.v1\nconflict := 1 if { count(input.resource_changes) > 0 }\nconflict := 2 if { count(input.resource_changes) > 0 }\ndeny contains msg if {\n  msg := sprintf("%v", [conflict])\n}\n',
      );
      const r = await run(ws);
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/^::error title=planguard/m);
      expect(ws.summary().split("\n")[0]).toBe("## planguard: ⚠️ error");
      expect(ws.summary()).toContain("> ❌ the scan is incomplete: 1 rule(s) failed to run");
      expect(ws.outputs()["sarif-file"]).toBe(path.join(ws.dir, "planguard.sarif"));
    });
  }
});
