import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { EBS_TF, ebsProject } from "../helpers/project.js";

/**
 * A rule may decide a wider question than another tool's check and still be
 * that check's equivalent finding by finding: its metadata lists the check in
 * `narrower`, and each finding the check would raise names it. Suppressions,
 * waivers and selections that name the check act on those findings only.
 */
const POLICY = `# METADATA
# title: Volume settings
# custom:
#   id: TEAM-EBS-001
#   severity: high
#   category: encryption
#   resource_types: [aws_ebs_volume]
#   narrower: [CKV_TEAM_1, CKV_TEAM_2]
package team.ebs

import rego.v1

deny contains {"msg": "size is set", "resource": "aws_ebs_volume.scratch", "attribute": "size", "aliases": ["ckv_team_1", "CKV_UNDECLARED"]} if true

deny contains {"msg": "zone is set", "resource": "aws_ebs_volume.scratch", "attribute": "availability_zone"} if true
`;

const startDir = process.cwd();
afterEach(() => process.chdir(startDir));

interface JsonFinding {
  ruleId: string;
  attribute?: string;
  aliases?: string[];
  suppression?: { kind: string };
}

async function scan(files: { tf?: string; config?: string }, ...flags: string[]) {
  const dir = ebsProject(files);
  writeFileSync(path.join(dir, "policy.rego"), POLICY);
  process.chdir(dir);
  // The bundled rules run too unless a test leaves them out; ids in the config are checked only with them.
  const bundled = flags.includes("--bundled") ? [] : ["--no-bundled"];
  return runCli([
    "scan",
    "plan.json",
    ...bundled,
    "-p",
    "policy.rego",
    "-n",
    "team.ebs",
    ...flags.filter((f) => f !== "--bundled"),
  ]);
}

const findings = (stdout: string) => JSON.parse(stdout).findings as JsonFinding[];
const active = (stdout: string) =>
  findings(stdout)
    .filter((f) => !f.suppression)
    .map((f) => f.attribute)
    .sort();

describe("per-finding aliases of narrower checks", () => {
  it("are named on the findings that match, as the rule declares them, and nowhere else", async () => {
    const run = await scan({}, "-f", "json");
    expect(run.code).toBe(1);
    const byAttribute = new Map(findings(run.stdout).map((f) => [f.attribute, f]));
    // Spelled as the metadata declares it; an id the rule does not declare is dropped.
    expect(byAttribute.get("size")?.aliases).toEqual(["CKV_TEAM_1"]);
    expect(byAttribute.get("availability_zone")?.aliases).toBeUndefined();
    const rule = JSON.parse(run.stdout).rules.find((r: { id: string }) => r.id === "TEAM-EBS-001");
    expect(rule.narrower).toEqual(["CKV_TEAM_1", "CKV_TEAM_2"]);
  });

  it("are shown in the text report and in SARIF results", async () => {
    expect((await scan({})).stdout).toContain("TEAM-EBS-001 (also CKV_TEAM_1)  aws_ebs_volume.scratch");
    const sarif = JSON.parse((await scan({}, "-f", "sarif")).stdout);
    const results = sarif.runs[0].results as { properties: { attribute?: string; aliases?: string[] } }[];
    expect(results.map((r) => [r.properties.attribute, r.properties.aliases])).toEqual([
      ["availability_zone", undefined],
      ["size", ["CKV_TEAM_1"]],
    ]);
  });

  it("let an inline Checkov skip suppress only the finding that names the check", async () => {
    const tf = EBS_TF.replace("{\n", "{\n  #checkov:skip=CKV_TEAM_1:size is reviewed\n");
    const run = await scan({ tf }, "-f", "json");
    expect(active(run.stdout)).toEqual(["availability_zone"]);
    expect(findings(run.stdout).find((f) => f.attribute === "size")?.suppression?.kind).toBe("inline");
  });

  it("let a waiver naming the check waive only its findings", async () => {
    const config = "waivers:\n  - rule: ckv_team_1\n    reason: accepted\n";
    expect(active((await scan({ config }, "-f", "json")).stdout)).toEqual(["availability_zone"]);
  });

  it("let rules.disable and --skip-rule drop only its findings, and --rule keep only them", async () => {
    const config = "rules:\n  disable: [CKV_TEAM_1]\n";
    const disabled = await scan({ config }, "-f", "json");
    expect(disabled.stderr).toBe("");
    expect(active(disabled.stdout)).toEqual(["availability_zone"]);
    expect(active((await scan({}, "-f", "json", "--skip-rule", "CKV_TEAM_1")).stdout)).toEqual(["availability_zone"]);
    expect(active((await scan({}, "-f", "json", "--rule", "CKV_TEAM_1")).stdout)).toEqual(["size"]);
    // A narrower check with no finding in this plan selects nothing.
    expect(active((await scan({}, "-f", "json", "--rule", "CKV_TEAM_2")).stdout)).toEqual([]);
  });

  it("set no severity: a severity is the rule's, and the config is told so", async () => {
    const config = "rules:\n  severity:\n    CKV_TEAM_1: low\n";
    const run = await scan({ config }, "-f", "json", "--bundled");
    expect(run.stderr).toBe(
      'planguard: warning: .planguard.yaml:3: rules.severity "CKV_TEAM_1" names a check that TEAM-EBS-001 is related to or covers in part, not an equivalent; set the severity by the rule\'s id (TEAM-EBS-001); it changes no severity\n',
    );
    const ours = findings(run.stdout).filter((f) => f.ruleId === "TEAM-EBS-001");
    expect(ours.map((f) => (f as { severity?: string }).severity)).toEqual(["high", "high"]);
  });
});
