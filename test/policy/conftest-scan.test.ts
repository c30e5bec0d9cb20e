import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

const policy = fixturePath("conftest");
const ebs = fixturePath("rules", "PG-AWS-EBS-001", "fail.json");
const rds = fixturePath("rules", "PG-AWS-NET-002", "fail.json");

describe("conftest policies through planguard scan --policy", () => {
  it("give conftest's deny messages and exit 1", async () => {
    const run = await runCli(["scan", ebs, "--policy", policy, "--no-bundled", "--rego-version", "v0", "-f", "json"]);
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).findings as { ruleId: string; message: string; severity: string }[];
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      ["main.deny", "aws_ebs_volume.scratch                   :: unencrypted aws_ebs_volume"],
      ["main.warn", "aws_ebs_volume.scratch has no owner tag"],
    ]);
    // warn does not fail a scan, as in conftest without --fail-on-warn.
    expect(findings.find((f) => f.ruleId === "main.warn")!.severity).toBe("info");
  });

  it("run deny_<suffix> rules, and exceptions exempt them", async () => {
    expect((await runCli(["scan", rds, "--policy", policy, "--no-bundled", "--rego-version", "v0"])).stdout).toContain(
      "aws_db_instance.metadata must not be publicly accessible",
    );
    const dir = mkdtempSync(path.join(tmpdir(), "pg-exc-"));
    const plan = JSON.parse(readFileSync(rds, "utf8"));
    plan.variables = { allow_public_db: { value: "yes" } };
    plan.configuration = { root_module: { variables: { allow_public_db: { default: "no" } } } };
    const file = path.join(dir, "plan.json");
    writeFileSync(file, JSON.stringify(plan));
    const run = await runCli(["scan", file, "--policy", policy, "--no-bundled", "--rego-version", "v0"]);
    expect(run.stdout).not.toContain("must not be publicly accessible");
    expect(run.code).toBe(0);
  });

  it("choose packages with --namespace and --all-namespaces", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pg-ns-"));
    writeFileSync(path.join(dir, "team.rego"), 'package team.storage\ndeny contains "team rule fired" if { true }\n');
    expect((await runCli(["scan", ebs, "--policy", dir, "--no-bundled"])).code).toBe(0);
    expect(
      (await runCli(["scan", ebs, "--policy", dir, "--no-bundled", "--namespace", "team.storage"])).stdout,
    ).toContain("team rule fired");
    expect((await runCli(["scan", ebs, "--policy", dir, "--no-bundled", "--all-namespaces"])).code).toBe(1);
  });

  it("refuse a broken policy with one line naming the file and position, exit 2", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pg-broken-policy-"));
    writeFileSync(path.join(dir, "broken.rego"), 'package main\ndeny[msg] {\n  msg := sprintf("%s", [input.x]\n}\n');
    const run = await runCli(["scan", ebs, "--policy", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^planguard: .*broken\.rego:\d+:\d+: rego_parse_error: .*\n$/);
  });

  it("take a result object's attribute as a string or a path list, and an empty list as none", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pg-attr-"));
    writeFileSync(
      path.join(dir, "p.rego"),
      [
        "package main",
        'deny contains {"msg": "as text", "resource": "aws_ebs_volume.scratch", "attribute": "encrypted"} if { true }',
        'deny contains {"msg": "as a path", "resource": "aws_ebs_volume.scratch", "attribute": ["tags", "owner"]} if { true }',
        'deny contains {"msg": "as an empty path", "resource": "aws_ebs_volume.scratch", "attribute": []} if { true }',
        "",
      ].join("\n"),
    );
    const run = await runCli(["scan", ebs, "--policy", dir, "--no-bundled", "-f", "json"]);
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).findings as Record<string, unknown>[];
    const byMessage = new Map(findings.map((f) => [f["message"], f]));
    expect(byMessage.get("as text")!["attribute"]).toBe("encrypted");
    expect(byMessage.get("as a path")!["attribute"]).toBe("tags.owner");
    expect(byMessage.get("as an empty path")!).not.toHaveProperty("attribute");
    expect(byMessage.get("as an empty path")!["resource"]).toEqual({
      address: "aws_ebs_volume.scratch",
      type: "aws_ebs_volume",
      module: "",
    });
  });

  it("read data documents with --data", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pg-data-"));
    writeFileSync(
      path.join(dir, "p.rego"),
      'package main\ndeny contains msg if { some t in data.forbidden.types; some r in input.resource_changes; r.type == t; msg := concat(" ", [r.address, "is forbidden"]) }\n',
    );
    writeFileSync(path.join(dir, "forbidden.yaml"), "forbidden:\n  types: [aws_ebs_volume]\n");
    const run = await runCli([
      "scan",
      ebs,
      "--policy",
      path.join(dir, "p.rego"),
      "--data",
      path.join(dir, "forbidden.yaml"),
      "--no-bundled",
    ]);
    expect(run.stdout).toContain("aws_ebs_volume.scratch is forbidden");
  });
});

describe("several broken policies", () => {
  it("are still one line: the first problem, and how many more", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pg-two-broken-"));
    writeFileSync(path.join(dir, "a.rego"), "package a\nx := \n");
    writeFileSync(path.join(dir, "b.rego"), "package b\ny := [\n");
    const run = await runCli(["scan", ebs, "--policy", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^planguard: .*a\.rego:2:\d+: rego_parse_error: [^\n]* \(and 1 more\)\n$/);
  });
});
