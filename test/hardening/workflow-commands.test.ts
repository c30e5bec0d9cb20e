import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { neutraliseWorkflowCommands } from "../../src/cli/workflow-guard.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

/** What GitHub's runner would take for a workflow command: a line starting with `::` after whitespace, or `##[` anywhere. */
function forgedCommands(output: string): string[] {
  return output.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes("##["));
}

/** A copy of a failing fixture whose IAM policy and resource name carry workflow commands after line breaks. */
function hostilePlan(): string {
  const plan = JSON.parse(readFileSync(fixturePath("rules", "PG-AWS-IAM-001", "fail.json"), "utf8"));
  const change = plan.resource_changes[0];
  change.address = "aws_iam_policy.platform_admin";
  change.change.after.name = "x\n::add-mask::hunter2";
  change.change.after.policy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["*", "s3:Get\r::stop-commands::pwned", "##[set-env name=X]y"], Resource: "*" },
    ],
  });
  const dir = mkdtempSync(path.join(tmpdir(), "planguard-wfc-"));
  const file = path.join(dir, "plan.json");
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

/** A user policy quoting the plan's data in its message, as conftest policies do. */
function quotingPolicy(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "planguard-wfc-policy-")), "quote.rego");
  writeFileSync(
    file,
    'package main\nimport rego.v1\ndeny contains msg if {\n  some rc in input.resource_changes\n  msg := sprintf("name %s", [rc.change.after.name])\n}\n',
  );
  return file;
}

describe("workflow commands from data, in GitHub Actions", () => {
  let previous: string | undefined;
  beforeEach(() => {
    previous = process.env["GITHUB_ACTIONS"];
    process.env["GITHUB_ACTIONS"] = "true";
  });
  afterEach(() => {
    if (previous === undefined) delete process.env["GITHUB_ACTIONS"];
    else process.env["GITHUB_ACTIONS"] = previous;
  });

  it("a file name quoted in an error message cannot start a command on stderr", async () => {
    const run = await runCli(["scan", "missing\n::error title=forged::all clear.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("forged");
    expect(forgedCommands(run.stderr)).toEqual([]);
  });

  it("a config key quoted in an error message cannot start a command", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "planguard-wfc-config-"));
    const config = path.join(dir, "config.yaml");
    writeFileSync(config, '"x\\n::error title=forged::config ok\\r##[add-mask]y": 1\n');
    const run = await runCli(["scan", hostilePlan(), "--config", config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("forged");
    expect(forgedCommands(run.stderr)).toEqual([]);
  });

  it("plan values quoted by a policy's message, in every report printed to stdout start no command", async () => {
    const plan = hostilePlan();
    const policy = quotingPolicy();
    for (const format of ["text", "json", "markdown", "sarif"]) {
      const run = await runCli(["scan", plan, "-p", policy, "-f", format, "--no-color"]);
      expect(run.code, format).toBe(1);
      expect(run.stdout, format).toContain("add-mask");
      expect(forgedCommands(run.stdout), format).toEqual([]);
      expect(forgedCommands(run.stderr), format).toEqual([]);
    }
  });

  it("the annotations of --format github still reach the runner as commands, their data escaped", async () => {
    const run = await runCli(["scan", hostilePlan(), "-p", quotingPolicy(), "-f", "github"]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n").filter((l) => l !== "");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) /);
  });

  it("outside GitHub Actions the output is left as it is", async () => {
    delete process.env["GITHUB_ACTIONS"];
    const run = await runCli(["scan", "missing\n::error::x.json"]);
    expect(run.stderr).toMatch(/^::error::x\.json/m);
  });
});

describe("neutraliseWorkflowCommands", () => {
  it("leaves no line a command and changes nothing but the inserted zero-width spaces", () => {
    const alphabet = fc.constantFrom(":", "#", "[", " ", "\t", "\n", "\r", "a", "e");
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")),
        (text) => {
          const out = neutraliseWorkflowCommands(text);
          expect(forgedCommands(out)).toEqual([]);
          expect(out.replace(/\u200b/g, "")).toBe(text);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("leaves ordinary text alone", () => {
    const text = "HIGH PG-AWS-S3-001 aws_s3_bucket.a: s3:GetObject on arn:aws:s3:::bucket\n  # comment [x]\n";
    expect(neutraliseWorkflowCommands(text)).toBe(text);
  });
});
