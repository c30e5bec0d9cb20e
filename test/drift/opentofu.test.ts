import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runDrift } from "../../src/drift/run.js";
import { runCli } from "../helpers/cli.js";
import { fixturePath, sharedMissing, sharedPath } from "../helpers/shared.js";

/** OpenTofu's own show -json cases (copied into fixtures/drift/opentofu, MPL-2.0). */
const tofu = (name: string) => fixturePath("drift", "opentofu", name);

describe("drift in OpenTofu's show -json cases", () => {
  it("drift: the refreshed ami, and nothing about the resource the plan merely updates", async () => {
    const report = await runDrift({ target: { plan: tofu("drift.json") }, config: {} });
    expect(report.resources).toEqual([
      {
        address: "test_instance.should_refresh",
        type: "test_instance",
        id: "placeholder",
        module: "",
        provider: "test",
        status: "changed",
        severity: "low",
        affectsPlan: false,
        changes: [{ path: "ami", steps: ["ami"], action: "changed", before: "refresh-me", after: "refreshed" }],
        ignoredChanges: 0,
        introduced: [],
        resolved: [],
      },
    ]);
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      ["PG-DRIFT-001", "low", "test_instance.should_refresh was changed outside Terraform: ami."],
    ]);
    expect(report.summary).toMatchObject({ drifted: 1, changed: 1, highest: "low" });
  });

  it("moved-drift: the drift on the new address, naming the old one", async () => {
    const report = await runDrift({ target: { plan: tofu("moved-drift.json") }, config: {} });
    expect(report.resources.map((r) => [r.address, r.previousAddress, r.changes.map((c) => c.path)])).toEqual([
      ["test_instance.should_refresh_with_move", "test_instance.should_refresh", ["ami"]],
    ]);
    const text = (await runCli(["drift", tofu("moved-drift.json")])).stdout;
    expect(text).toContain(
      "LOW     test_instance.should_refresh_with_move (placeholder) (moved from test_instance.should_refresh)  changed outside Terraform",
    );
    expect(text).toContain('  ~ ami: "refresh-me" → "refreshed"');
  });

  it("conditions refresh-only: no drift, exit 0, in every format", async () => {
    const plan = tofu("conditions-refresh-only.json");
    const run = await runCli(["drift", plan]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No drift.");
    const json = JSON.parse((await runCli(["drift", plan, "-f", "json"])).stdout);
    expect(json).toMatchObject({ mode: "plan", resources: [], findings: [], summary: { drifted: 0, highest: null } });
    expect(json.inputs[0]).toMatchObject({ role: "plan", kind: "plan", terraformVersion: "1.2.0-dev" });
    expect(JSON.parse((await runCli(["drift", plan, "-f", "sarif"])).stdout).runs[0].results).toEqual([]);
    expect((await runCli(["drift", plan, "-f", "markdown"])).stdout).toContain("No drift.");
  });
});

describe.skipIf(sharedMissing("fixtures", "opentofu-show-json"))("the copies in fixtures/drift/opentofu", () => {
  it.each([
    ["drift.json", "drift/output.json"],
    ["moved-drift.json", "moved-drift/output.json"],
    ["conditions-refresh-only.json", "conditions/output-refresh-only.json"],
    ["LICENSE", "LICENSE"],
  ])("%s matches ../shared's %s", (copy, original) => {
    expect(readFileSync(tofu(copy), "utf8")).toBe(
      readFileSync(sharedPath("fixtures", "opentofu-show-json", original), "utf8"),
    );
  });

  it("two snapshots of OpenTofu's drift case, its raw state and its plan's refreshed prior_state, give the same drift", async () => {
    const plan = JSON.parse(readFileSync(tofu("drift.json"), "utf8"));
    const refreshed = path.join(mkdtempSync(path.join(tmpdir(), "planguard-tofu-")), "refreshed.json");
    writeFileSync(refreshed, JSON.stringify(plan.prior_state));
    const report = await runDrift({
      target: {
        baseline: sharedPath("fixtures", "opentofu-show-json", "drift", "terraform.tfstate"),
        current: refreshed,
      },
      config: {},
    });
    expect(report.mode).toBe("states");
    expect(report.resources.map((r) => [r.address, r.status, r.changes])).toEqual([
      [
        "test_instance.should_refresh",
        "changed",
        [{ path: "ami", steps: ["ami"], action: "changed", before: "refresh-me", after: "refreshed" }],
      ],
    ]);
  });

  it("the raw state of the drift case has the value the plan reports as drifted", async () => {
    const report = await runDrift({
      target: { plan: sharedPath("fixtures", "opentofu-show-json", "drift", "output.json") },
      config: {},
    });
    const state = JSON.parse(
      readFileSync(sharedPath("fixtures", "opentofu-show-json", "drift", "terraform.tfstate"), "utf8"),
    );
    const inState = state.resources.find((r: { name: string }) => r.name === "should_refresh").instances[0].attributes
      .ami;
    expect(report.resources[0]!.changes[0]!.before).toBe(inState);
  });
});
