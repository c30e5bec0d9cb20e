import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * A refresh-only plan (fixtures/drift/refresh-only-scenario.json, Terraform
 * 1.9.5 shape) after a night in which someone opened SSH to the world on a
 * security group, tagged a bucket, rotated an SSM SecureString password and
 * deleted a GPU instance by hand.
 */
const plan = fixturePath("drift", "refresh-only-scenario.json");
const MARKER = "PLANGUARD-DRIFT-SECRET-1d4e";
const tmp = () => mkdtempSync(path.join(tmpdir(), "planguard-drift-"));

interface JsonReport {
  summary: Record<string, unknown>;
  resources: {
    address: string;
    status: string;
    severity: string;
    introduced: { ruleId: string }[];
    resolved: { ruleId: string }[];
    changes: { path: string; action: string; sensitive?: boolean; before?: unknown; after?: unknown }[];
    affectsPlan: boolean;
    ignoredChanges: number;
  }[];
  findings: { ruleId: string; severity: string; resource?: { address: string } }[];
}

async function jsonReport(args: string[] = []): Promise<{ code: number; report: JsonReport }> {
  const run = await runCli(["drift", plan, "-f", "json", ...args]);
  expect(run.stderr).toBe("");
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

describe("drift scenario: a night of hand edits", () => {
  it("plants the secret in the fixture, so the test can fail", () => {
    expect(readFileSync(plan, "utf8").split(MARKER).length - 1).toBeGreaterThanOrEqual(4);
  });

  it("reports all four, the open security group first and above the tag", async () => {
    const { code, report } = await jsonReport();
    expect(code).toBe(1);
    const order = report.resources.map((r) => `${r.severity} ${r.status} ${r.address}`);
    expect(order).toEqual([
      "high changed aws_security_group.training",
      "medium deleted aws_instance.gpu_trainer",
      "low changed aws_s3_bucket.datasets",
      "low changed aws_ssm_parameter.db_password",
    ]);
    expect(report.summary).toMatchObject({
      drifted: 4,
      changed: 3,
      deleted: 1,
      appeared: 0,
      introduced: 1,
      highest: "high",
    });
  });

  it("judges the security group by the network rule, and names what was added", async () => {
    const { report } = await jsonReport();
    const sg = report.resources[0]!;
    expect(sg.introduced.map((v) => v.ruleId)).toEqual(["PG-AWS-NET-001"]);
    expect(sg.changes).toContainEqual(
      expect.objectContaining({ path: "ingress.0.cidr_blocks", action: "added", after: ["0.0.0.0/0"] }),
    );
    expect(sg.changes).toContainEqual(
      expect.objectContaining({ path: "ingress.0.from_port", action: "added", after: 22 }),
    );
    // The HTTPS rule that moved from index 0 to 1 is not reported.
    expect(sg.changes.some((c) => c.path.startsWith("ingress.1"))).toBe(false);
    expect(report.findings[0]).toMatchObject({
      ruleId: "PG-AWS-NET-001",
      severity: "high",
      resource: { address: "aws_security_group.training" },
    });
  });

  it("shows the tag, and only says the password changed", async () => {
    const { report } = await jsonReport();
    const bucket = report.resources.find((r) => r.address === "aws_s3_bucket.datasets")!;
    expect(bucket.changes.map((c) => [c.path, c.action, c.after])).toEqual([
      ["tags.Owner", "added", "data-eng"],
      ["tags_all.Owner", "added", "data-eng"],
    ]);
    const ssm = report.resources.find((r) => r.address === "aws_ssm_parameter.db_password")!;
    expect(ssm.changes).toEqual([
      { path: "value", steps: ["value"], action: "changed", sensitive: true },
      { path: "version", steps: ["version"], action: "changed", before: 3, after: 4 },
    ]);
  });

  it("keeps the secret out of every format, on stdout and in files, exit 1", async () => {
    const dir = tmp();
    for (const format of ["text", "json", "markdown", "sarif", "html"]) {
      const run = await runCli([
        "--debug",
        "drift",
        plan,
        "-f",
        format,
        "-o",
        `${format}=${path.join(dir, `drift.${format}`)}`,
        "--history",
        path.join(dir, "history.jsonl"),
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).not.toContain(MARKER);
      expect(run.stderr).not.toContain(MARKER);
      expect(run.stdout).toContain("aws_security_group.training");
    }
    const text = (await runCli(["drift", plan])).stdout;
    expect(text).toContain("~ value: (sensitive value changed)");
    for (const file of readdirSync(dir)) expect(readFileSync(path.join(dir, file), "utf8")).not.toContain(MARKER);
    expect(readdirSync(dir).sort()).toEqual([
      "drift.html",
      "drift.json",
      "drift.markdown",
      "drift.sarif",
      "drift.text",
      "history.jsonl",
    ]);
  });

  it("writes SARIF with drift rule ids and the judged rule, each at the plan file", async () => {
    const run = await runCli(["drift", plan, "-f", "sarif"]);
    const log = JSON.parse(run.stdout);
    const results = log.runs[0].results as {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
    expect(results.map((r) => r.ruleId)).toEqual([
      "PG-AWS-NET-001",
      "PG-DRIFT-002",
      "PG-DRIFT-001",
      "PG-DRIFT-001",
      "PG-DRIFT-001",
    ]);
    expect(results[0]!.level).toBe("error");
    for (const r of results) {
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
        path.relative(process.cwd(), plan).split(path.sep).join("/"),
      );
      expect(r.locations[0]!.physicalLocation.region.startLine).toBe(1);
    }
    const ruleIds = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id).sort();
    expect(ruleIds).toEqual(["PG-AWS-NET-001", "PG-DRIFT-001", "PG-DRIFT-002"]);
  });

  it("writes Markdown for an issue body: a table, then each resource's changes", async () => {
    const md = (await runCli(["drift", plan, "-f", "markdown"])).stdout;
    expect(md).toMatch(/^## planguard drift\n/);
    expect(md).toContain(
      "| 🟧 high | `aws_security_group.training` | changed outside Terraform | introduces `PG-AWS-NET-001` (high) | 6 |",
    );
    expect(md).toContain("| 🟨 medium | `aws_instance.gpu_trainer` | deleted outside Terraform | — | 0 |");
    expect(md).toContain("| `value` | changed | (sensitive value changed) | (sensitive value changed) |");
    expect(md).toContain('| `tags.Owner` | added | (absent) | `"data-eng"` |');
    expect(md).toContain(
      "The resource (id `i-0fedcba9876543210`) no longer exists: the next apply recreates it unless the configuration drops it.",
    );
  });

  it("exits by --fail-on: 1 at high, 0 at critical, 0 with --soft-fail", async () => {
    expect((await runCli(["drift", plan, "--fail-on", "high"])).code).toBe(1);
    expect((await runCli(["drift", plan, "--fail-on", "critical"])).code).toBe(0);
    expect((await runCli(["drift", plan, "--soft-fail"])).code).toBe(0);
  });

  it("drops ignored attributes per type from the config, and counts them", async () => {
    const dir = tmp();
    const config = path.join(dir, "planguard.yaml");
    writeFileSync(config, "drift:\n  ignore:\n    aws_s3_bucket: [tags_all]\n    '*': [version]\n");
    const { report } = await jsonReport(["--config", config]);
    const bucket = report.resources.find((r) => r.address === "aws_s3_bucket.datasets")!;
    expect(bucket.changes.map((c) => c.path)).toEqual(["tags.Owner"]);
    expect(bucket.ignoredChanges).toBe(1);
    const ssm = report.resources.find((r) => r.address === "aws_ssm_parameter.db_password")!;
    expect(ssm.changes.map((c) => c.path)).toEqual(["value"]);
  });

  it("reports a resource whose only drift is ignored as ignored, not as drift", async () => {
    const dir = tmp();
    const config = path.join(dir, "planguard.yaml");
    writeFileSync(config, "drift:\n  ignore:\n    aws_s3_bucket: [tags, tags_all]\n");
    const { report } = await jsonReport(["--config", config]);
    expect(report.resources.map((r) => r.address)).not.toContain("aws_s3_bucket.datasets");
    expect(report.summary).toMatchObject({ drifted: 3, ignored: 1 });
  });

  it("never lets an ignore hide drift that introduces a violation", async () => {
    const dir = tmp();
    const config = path.join(dir, "planguard.yaml");
    writeFileSync(config, "drift:\n  ignore:\n    aws_security_group: [ingress]\n");
    const { report } = await jsonReport(["--config", config]);
    const sg = report.resources.find((r) => r.address === "aws_security_group.training")!;
    expect(sg).toMatchObject({ severity: "high", changes: [], ignoredChanges: 6 });
  });

  it("reports a violation the deletion resolved (GPU quota) without raising the severity", async () => {
    const dir = tmp();
    const config = path.join(dir, "planguard.yaml");
    writeFileSync(config, "gpu:\n  max_per_resource: 4\n");
    const { report } = await jsonReport(["--config", config]);
    const gpu = report.resources.find((r) => r.address === "aws_instance.gpu_trainer")!;
    expect(gpu.resolved.map((v) => v.ruleId)).toEqual(["PG-GPU-002"]);
    expect(gpu.severity).toBe("medium");
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: "PG-DRIFT-004",
        severity: "info",
        resource: expect.objectContaining({ address: "aws_instance.gpu_trainer" }),
      }),
    );
  });

  it("marks drift the plan depends on (relevant_attributes)", async () => {
    const doc = JSON.parse(readFileSync(plan, "utf8"));
    doc.relevant_attributes = [{ resource: "aws_s3_bucket.datasets", attribute: ["tags"] }];
    const file = path.join(tmp(), "plan.json");
    writeFileSync(file, JSON.stringify(doc));
    const run = await runCli(["drift", file, "-f", "json"]);
    const report = JSON.parse(run.stdout) as JsonReport;
    const bucket = report.resources.find((r) => r.address === "aws_s3_bucket.datasets")!;
    expect(bucket.affectsPlan).toBe(true);
    expect(bucket.changes.map((c) => [c.path, (c as { affectsPlan?: boolean }).affectsPlan ?? false])).toEqual([
      ["tags.Owner", true],
      ["tags_all.Owner", false],
    ]);
    expect(report.summary).toMatchObject({ affectingPlan: 1 });
    expect((await runCli(["drift", file])).stdout).toContain(
      "aws_s3_bucket.datasets (acme-ml-datasets)  changed outside Terraform  [affects the plan]",
    );
  });
});

describe("drift Markdown size", () => {
  it("stays under the cap with many drifted resources, and says what it left out", async () => {
    const { formatDriftMarkdown } = await import("../../src/drift/report/markdown.js");
    const { runDrift } = await import("../../src/drift/run.js");
    const report = await runDrift({ target: { plan }, config: {} });
    const many = {
      ...report,
      resources: Array.from({ length: 3000 }, (_, i) => ({ ...report.resources[2]!, address: `aws_s3_bucket.b${i}` })),
    };
    const md = formatDriftMarkdown(many, { maxChars: 20_000 });
    expect(md.length).toBeLessThanOrEqual(20_000);
    expect(md).toMatch(/more drifted resources \(the least severe\) are left out of this table/);
    expect(md).toMatch(/The details of \d+ more resources are left out/);
  });
});

describe("the scan's secrets fixture through drift", () => {
  it("reports the rotated password in resource_drift without the marker, in every format", async () => {
    const secrets = fixturePath("plans", "secrets", "plan.json");
    const marker = "PLANGUARD-SECRET-MARKER-7f3a";
    for (const format of ["text", "json", "markdown", "sarif", "html"]) {
      const run = await runCli(["--debug", "drift", secrets, "-f", format]);
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).not.toContain(marker);
      expect(run.stdout).toContain("aws_db_instance.metadata");
    }
    const json = JSON.parse((await runCli(["drift", secrets, "-f", "json"])).stdout) as JsonReport;
    expect(json.resources.find((r) => r.address === "aws_db_instance.metadata")!.changes).toEqual([
      { path: "password", steps: ["password"], action: "changed", sensitive: true },
    ]);
  });
});
