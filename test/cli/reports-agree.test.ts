import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ebsProject } from "../helpers/project.js";

const startDir = process.cwd();
afterEach(() => process.chdir(startDir));

async function scanIn(dir: string, ...args: string[]) {
  process.chdir(dir);
  return runCli(["scan", ...args]);
}

describe("a severity override reaches every format", () => {
  const config = "rules:\n  severity:\n    PG-AWS-EBS-001: low\n";

  it("SARIF: the rule's security-severity and level, and the result's level", async () => {
    const run = await scanIn(ebsProject({ config }), "plan.json", "-f", "sarif");
    const sarif = JSON.parse(run.stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === "PG-AWS-EBS-001");
    expect(rule.properties["security-severity"]).toBe("3.0");
    expect(rule.defaultConfiguration.level).toBe("note");
    expect(sarif.runs[0].results[0].level).toBe("note");
  });

  it("raised as well as lowered: high becomes critical in SARIF", async () => {
    const run = await scanIn(
      ebsProject({ config: "rules:\n  severity:\n    AVD-AWS-0026: critical\n" }),
      "plan.json",
      "-f",
      "sarif",
    );
    const rule = JSON.parse(run.stdout).runs[0].tool.driver.rules.find(
      (r: { id: string }) => r.id === "PG-AWS-EBS-001",
    );
    expect(rule.properties["security-severity"]).toBe("9.5");
  });

  it("JSON (finding and rule list), text, annotations and JUnit", async () => {
    const dir = ebsProject({ config });
    const report = JSON.parse((await scanIn(dir, "plan.json", "-f", "json")).stdout);
    expect(report.findings[0].severity).toBe("low");
    expect(report.rules.find((r: { id: string }) => r.id === "PG-AWS-EBS-001").severity).toBe("low");
    expect((await scanIn(dir, "plan.json")).stdout).toContain("LOW (1)\n  PG-AWS-EBS-001");
    expect((await scanIn(dir, "plan.json", "-f", "github")).stdout).toMatch(
      /^::notice file=main\.tf,line=1,endLine=4,title=PG-AWS-EBS-001 aws_ebs_volume\.scratch::\[low\]/,
    );
    expect((await scanIn(dir, "plan.json", "-f", "junitxml")).stdout).toContain(
      '<failure message="EBS volume aws_ebs_volume.scratch is not encrypted at rest." type="low">',
    );
  });
});

describe("a rule that cannot run", () => {
  it("the text report's last line says the scan is incomplete and how many rules could not run; exit 2", async () => {
    const dir = ebsProject();
    writeFileSync(
      path.join(dir, "broken.rego"),
      'package main\n\nimport rego.v1\n\nv = 1 if { true }\nv = 2 if { true }\n\ndeny contains "a" if { v == 1 }\n\nviolation contains "b" if { v == 2 }\n',
    );
    const run = await scanIn(dir, "plan.json", "-p", "broken.rego");
    expect(run.code).toBe(2);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe(
      "exit 2: the scan is incomplete: 2 rules could not run (errors above); the findings come from the rules that did",
    );
    expect(lines.at(-2)).toBe("1 finding from the rules that ran: 1 high.");
    expect(run.stdout).toMatch(/^ERROR: rule main\.deny \(broken\.rego \(main\.deny\)\) failed/m);
  });
});

describe("paths relative to the repository root, or the working directory outside git", () => {
  it("SARIF uris are relative outside git, for .tf sources in a subdirectory and for the plan beside them", async () => {
    const dir = ebsProject();
    mkdirSync(path.join(dir, "infra"));
    renameSync(path.join(dir, "main.tf"), path.join(dir, "infra", "main.tf"));
    const located = JSON.parse((await scanIn(dir, "plan.json", "--source-dir", "infra", "-f", "sarif")).stdout);
    expect(located.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("infra/main.tf");
    writeFileSync(path.join(dir, "infra", "main.tf"), "# no resources here\n");
    const unlocated = JSON.parse((await scanIn(dir, "plan.json", "--source-dir", "infra", "-f", "sarif")).stdout);
    expect(unlocated.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("plan.json");
  });

  it("a waiver is shown with the config's relative path and line in text and JSON", async () => {
    const config =
      "# accepted risks\nwaivers:\n  - rule: PG-AWS-EBS-001\n    reason: scratch data\n    expires: 2099-01-01\n";
    const dir = ebsProject({ config });
    const text = (await scanIn(dir, "plan.json")).stdout;
    expect(text).toContain(
      "PG-AWS-EBS-001  aws_ebs_volume.scratch  (waiver, .planguard.yaml:3 (waivers[0]): scratch data)",
    );
    expect(text).not.toContain(dir);
    const report = JSON.parse((await scanIn(dir, "plan.json", "-f", "json")).stdout);
    expect(report.findings[0].suppression).toEqual({
      kind: "waiver",
      reason: "scratch data",
      origin: ".planguard.yaml:3 (waivers[0])",
      expires: "2099-01-01",
    });
  });

  it("an expired waiver's annotation and SARIF result point at the waiver's own line", async () => {
    const config =
      "rules:\n  disable: []\nwaivers:\n  - rule: PG-AWS-S3-001\n    reason: old\n  - rule: PG-AWS-EBS-001\n    reason: scratch data\n    expires: 2020-01-31\n";
    const dir = ebsProject({ config });
    const annotations = (await scanIn(dir, "plan.json", "-f", "github")).stdout;
    expect(annotations).toContain("::notice file=.planguard.yaml,line=6,title=PG-CONFIG-001::");
    const sarif = JSON.parse((await scanIn(dir, "plan.json", "-f", "sarif")).stdout);
    const expired = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "PG-CONFIG-001");
    expect(expired.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: ".planguard.yaml" },
      region: { startLine: 6 },
    });
  });
});
