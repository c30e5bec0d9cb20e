import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runDrift } from "../../src/drift/run.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath, sharedMissing, sharedPath } from "../helpers/shared.js";

/**
 * fixtures/drift/states: a baseline as `terraform show -json` prints state,
 * and the current state as the raw file (`terraform state pull`), version 4.
 */
const baseline = fixturePath("drift", "states", "baseline.json");
const current = fixturePath("drift", "states", "current.tfstate");
const MARKER = "PLANGUARD-DRIFT-SECRET-1d4e";

describe("drift between two state snapshots", () => {
  it("reports changes, deletions and appearances, most severe first", async () => {
    const report = await runDrift({ target: { baseline, current }, config: {} });
    expect(report.mode).toBe("states");
    expect(report.resources.map((r) => `${r.severity} ${r.status} ${r.address}`)).toEqual([
      "high changed aws_db_instance.features",
      "medium appeared aws_sagemaker_notebook_instance.lab",
      "medium deleted aws_instance.gpu_box",
      "low changed aws_autoscaling_group.workers",
      "low changed aws_security_group.notebooks",
      "low changed aws_ssm_parameter.api_key",
    ]);
    expect(report.summary).toMatchObject({
      drifted: 6,
      changed: 4,
      deleted: 1,
      appeared: 1,
      ignored: 1,
      introduced: 2,
      resolved: 1,
    });
  });

  it("judges both sides: a database made public, a notebook that appeared open, an SSH rule removed", async () => {
    const report = await runDrift({ target: { baseline, current }, config: {} });
    const by = (a: string) => report.resources.find((r) => r.address === a)!;
    expect(by("aws_db_instance.features").introduced.map((v) => [v.ruleId, v.severity])).toEqual([
      ["PG-AWS-NET-002", "high"],
    ]);
    expect(by("aws_sagemaker_notebook_instance.lab").introduced.map((v) => v.ruleId)).toEqual(["PG-AWS-NET-003"]);
    expect(by("aws_security_group.notebooks").resolved.map((v) => v.ruleId)).toEqual(["PG-AWS-NET-001"]);
    expect(by("aws_security_group.notebooks").changes.map((c) => `${c.action} ${c.path}`)).toEqual([
      "removed ingress.0.cidr_blocks",
      "removed ingress.0.description",
      "removed ingress.0.from_port",
      "removed ingress.0.protocol",
      "removed ingress.0.self",
      "removed ingress.0.to_port",
    ]);
    expect(by("aws_instance.gpu_box").changes).toEqual([]);
  });

  it("matches tag blocks by their key", async () => {
    const report = await runDrift({ target: { baseline, current }, config: {} });
    const asg = report.resources.find((r) => r.address === "aws_autoscaling_group.workers")!;
    expect(asg.changes.map((c) => [c.action, c.path, c.before, c.after])).toEqual([
      ["changed", 'tag[key="team"].value', "ml-platform", "data-eng"],
      ["added", 'tag[key="cost-center"].propagate_at_launch', undefined, false],
      ["added", 'tag[key="cost-center"].value', undefined, "research"],
    ]);
  });

  it("sees the rotated secret across the two formats, and shows it nowhere", async () => {
    expect(readFileSync(baseline, "utf8")).toContain(MARKER);
    expect(readFileSync(current, "utf8")).toContain(MARKER);
    const report = await runDrift({ target: { baseline, current }, config: {} });
    expect(report.resources.find((r) => r.address === "aws_ssm_parameter.api_key")!.changes).toEqual([
      { path: "value", steps: ["value"], action: "changed", sensitive: true },
      { path: "version", steps: ["version"], action: "changed", before: 1, after: 2 },
    ]);
    for (const format of ["text", "json", "markdown", "sarif", "html"]) {
      const run = await runCli(["drift", "--baseline-state", baseline, "--current", current, "-f", format]);
      expect(run.code).toBe(1);
      expect(run.stdout).not.toContain(MARKER);
    }
  });

  it("leaves out data sources and attributes that churn (last_modified)", async () => {
    const report = await runDrift({ target: { baseline, current }, config: {} });
    const addresses = report.resources.map((r) => r.address);
    expect(addresses).not.toContain("data.aws_caller_identity.me");
    expect(addresses).not.toContain("aws_lambda_function.ingest");
    const strict = await runDrift({ target: { baseline, current }, config: { drift: { default_ignore: false } } });
    expect(
      strict.resources.find((r) => r.address === "aws_lambda_function.ingest")!.changes.map((c) => c.path),
    ).toEqual(["last_modified"]);
  });

  it("finds no drift between a snapshot and itself", async () => {
    const report = await runDrift({ target: { baseline, current: baseline }, config: {} });
    expect(report.resources).toEqual([]);
    expect((await runCli(["drift", "--baseline-state", current, "--current", current])).code).toBe(0);
  });

  it("reads the baseline from stdin", async () => {
    const bytes = readFileSync(baseline);
    const report = await runDrift({
      target: { baseline: "-", current },
      config: {},
      load: { readStdin: async () => bytes },
    });
    expect(report.summary.drifted).toBe(6);
    expect(report.inputs.map((i) => [i.role, i.file, i.format])).toEqual([
      ["baseline", "-", "state"],
      ["current", current, "tfstate"],
    ]);
  });
});

describe.skipIf(sharedMissing("fixtures", "terraform-json", "110_sensitive_values"))(
  "terraform-json: one state in two formats",
  () => {
    const tfjson = (...p: string[]) => sharedPath("fixtures", "terraform-json", ...p);

    it("110_sensitive_values (Terraform 1.1): the raw state and its show -json agree, so there is no drift", async () => {
      const report = await runDrift({
        target: {
          baseline: tfjson("110_sensitive_values", "terraform.tfstate"),
          current: tfjson("110_sensitive_values", "state.json"),
        },
        config: {},
      });
      expect(report.resources).toEqual([]);
      expect(report.inputs.map((i) => [i.format, i.warnings])).toEqual([
        ["tfstate", []],
        ["state", []],
      ]);
    });

    it("no_changes (Terraform 0.12, format 0.1): counted instances are told apart; module paths, missing from the format, are warned about", async () => {
      const report = await runDrift({
        target: { baseline: tfjson("no_changes", "terraform.tfstate"), current: tfjson("no_changes", "state.json") },
        config: {},
      });
      // module.foo.null_resource.foo is written as null_resource.foo: it looks deleted, and the input says why.
      expect(report.resources.map((r) => `${r.status} ${r.address}`)).toEqual(["deleted module.foo.null_resource.foo"]);
      expect(report.inputs[1]!.warnings).toEqual([
        expect.stringContaining("1 resource address(es) repeat in this snapshot"),
      ]);
    });
  },
);
