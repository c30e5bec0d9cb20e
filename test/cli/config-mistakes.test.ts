import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { EBS_TF, ebsProject } from "../helpers/project.js";

/**
 * Issue 17 item 3: config and inline-ignore mistakes are named with their
 * file and line, instead of silently doing nothing. Each project is a
 * temporary directory outside git, scanned from inside it, so paths are
 * relative to it.
 */
const startDir = process.cwd();
afterEach(() => process.chdir(startDir));

async function scanIn(dir: string, ...flags: string[]) {
  process.chdir(dir);
  return runCli(["scan", "plan.json", ...flags]);
}

const json = (stdout: string) =>
  JSON.parse(stdout) as { findings: { ruleId: string; severity: string; suppression?: unknown }[]; warnings: string[] };

describe("rule ids in the config that no rule has", () => {
  it("warns about rules.disable, rules.severity and waivers, naming each line, and suggests the near miss", async () => {
    const config = [
      "rules:",
      "  disable:",
      "    - PG-NOPE-001",
      "  severity:",
      "    PG-AWS-EBS-01: low",
      "waivers:",
      "  - rule: AVD-AWS-00266",
      "    reason: typo",
      "",
    ].join("\n");
    const run = await scanIn(ebsProject({ config }), "-f", "json");
    expect(run.stderr).toBe(
      [
        'planguard: warning: .planguard.yaml:3: rules.disable[0] "PG-NOPE-001" is no rule id or alias planguard knows; it disables nothing',
        'planguard: warning: .planguard.yaml:5: rules.severity "PG-AWS-EBS-01" is no rule id or alias planguard knows (did you mean PG-AWS-EBS-001?); it changes no severity',
        'planguard: warning: .planguard.yaml:7: waivers[0].rule "AVD-AWS-00266" is no rule id or alias planguard knows (did you mean AVD-AWS-0026?); it waives nothing',
        "",
      ].join("\n"),
    );
    // The scan itself goes on, unchanged, and the JSON report carries the warnings.
    expect(run.code).toBe(1);
    const report = json(run.stdout);
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.suppression])).toEqual([
      ["PG-AWS-EBS-001", "high", undefined],
    ]);
    expect(report.warnings).toHaveLength(3);
  });

  it("is quiet about ids and aliases that exist, in any case", async () => {
    const config =
      "rules:\n  disable: [pg-aws-s3-001, AVD-AWS-0086]\n  severity:\n    CKV_AWS_3: low\n    PG-DRIFT-003: high\nwaivers:\n  - rule: avd-aws-0026\n    resource: aws_ebs_volume.other\n    reason: ok\n";
    const run = await scanIn(ebsProject({ config }));
    expect(run.stderr).toBe("");
  });
});

describe("aliases work wherever ids do", () => {
  it("rules.severity keyed by a Checkov alias changes the finding's severity", async () => {
    const run = await scanIn(
      ebsProject({ config: "rules:\n  severity:\n    CKV_AWS_3: low\n" }),
      "-f",
      "json",
      "--fail-on",
      "medium",
    );
    expect(json(run.stdout).findings[0]!.severity).toBe("low");
    expect(run.code).toBe(0);
  });

  it("an id wins over an alias of the same rule", async () => {
    const run = await scanIn(
      ebsProject({ config: "rules:\n  severity:\n    CKV_AWS_3: low\n    PG-AWS-EBS-001: critical\n" }),
      "-f",
      "json",
    );
    expect(json(run.stdout).findings[0]!.severity).toBe("critical");
  });

  it("rules.disable and waivers take Trivy aliases", async () => {
    const disabled = await scanIn(ebsProject({ config: "rules:\n  disable: [AVD-AWS-0026]\n" }), "-f", "json");
    expect(json(disabled.stdout).findings).toEqual([]);
    const waived = await scanIn(
      ebsProject({ config: "waivers:\n  - rule: AVD-AWS-0026\n    reason: scratch\n" }),
      "-f",
      "json",
    );
    expect(json(waived.stdout).findings[0]!.suppression).toMatchObject({ kind: "waiver" });
  });
});

describe("dates that are no day", () => {
  it("a waiver's expires: 2020-13-45 is exit 2, naming the line", async () => {
    const config = "waivers:\n  - rule: PG-AWS-EBS-001\n    reason: scratch\n    expires: 2020-13-45\n";
    const run = await scanIn(ebsProject({ config }));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'planguard: .planguard.yaml:4: waivers[0].expires "2020-13-45" is not a date (YYYY-MM-DD)\n',
    );
    expect(run.stdout).toBe("");
  });

  it("an inline exp:2020-13-45 is exit 2, naming the .tf line", async () => {
    const tf = `# planguard:ignore PG-AWS-EBS-001 exp:2020-13-45 scratch\n${EBS_TF}`;
    const run = await scanIn(ebsProject({ tf }));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'planguard: main.tf:1: the inline ignore of PG-AWS-EBS-001: expiry "2020-13-45" is not a date (YYYY-MM-DD)\n',
    );
  });
});

describe("inline ignores that do nothing", () => {
  it("a planguard:ignore naming no rule is a warning with file:line, and the finding stays", async () => {
    const tf = `# planguard:ignore PG-AWS-EBS-01 scratch data\n${EBS_TF}`;
    const run = await scanIn(ebsProject({ tf }), "-f", "json");
    expect(run.stderr).toBe(
      'planguard: warning: main.tf:1: planguard:ignore names "PG-AWS-EBS-01", no rule id or alias planguard knows; it suppresses nothing\n',
    );
    expect(json(run.stdout).findings[0]!.suppression).toBeUndefined();
    expect(run.code).toBe(1);
  });

  it("an expired inline ignore is a warning naming its line and date, and the finding is reported", async () => {
    const tf = `resource "aws_ebs_volume" "scratch" {\n  # planguard:ignore CKV_AWS_3 exp:2020-01-31 until the migration\n  size = 10\n}\n`;
    const run = await scanIn(ebsProject({ tf }));
    expect(run.stderr).toBe(
      "planguard: warning: main.tf:2: the inline ignore of CKV_AWS_3 expired on 2020-01-31; aws_ebs_volume.scratch is reported again\n",
    );
    expect(run.code).toBe(1);
  });

  it("a current inline ignore suppresses, with no warning", async () => {
    const tf = `# planguard:ignore PG-AWS-EBS-001 exp:2099-12-31 scratch\n${EBS_TF}`;
    const run = await scanIn(ebsProject({ tf }));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("a terminal escape written into the id is shown, not sent to the terminal", async () => {
    const tf = `# planguard:ignore PG-\u001b[2JX scratch\n${EBS_TF}`;
    const run = await scanIn(ebsProject({ tf }));
    expect(run.stderr).toBe(
      'planguard: warning: main.tf:1: planguard:ignore names "PG-\\u001b[2JX", no rule id or alias planguard knows; it suppresses nothing\n',
    );
  });

  it("Checkov and Trivy comments are not checked: they may be meant for those tools", async () => {
    const tf = `#checkov:skip=CKV_AWS_999:not ours\n#trivy:ignore:AVD-AWS-9999\n${EBS_TF}`;
    expect((await scanIn(ebsProject({ tf }))).stderr).toBe("");
  });
});

describe("-n naming no package", () => {
  it("is exit 2, listing the packages the policies declare", async () => {
    const dir = ebsProject();
    writeFileSync(
      path.join(dir, "policy.rego"),
      'package terraform.s3\n\nimport rego.v1\n\ndeny contains "x" if { false }\n',
    );
    const run = await scanIn(dir, "-p", "policy.rego", "-n", "terraform.s4");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "planguard: --namespace terraform.s4: no policy declares package terraform.s4 (packages in your policies: terraform.s3)\n",
    );
    expect((await scanIn(dir, "-p", "policy.rego", "-n", "terraform.s3")).code).toBe(1);
  });
});
