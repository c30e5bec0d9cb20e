import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ebsProject } from "../helpers/project.js";
import { fixturePath } from "../helpers/shared.js";

/** Issue 17 items 8 and 9: the flags CI users know from other scanners, and a text report that explains itself. */
const example = [
  "scan",
  fixturePath("..", "examples", "ml-platform", "plan.json"),
  "--config",
  fixturePath("..", "examples", "ml-platform", ".planguard.yaml"),
];
const startDir = process.cwd();
afterEach(() => process.chdir(startDir));

describe("--quiet and --compact", () => {
  it("--quiet prints one line: the counts and why the exit code is what it is", async () => {
    const run = await runCli([...example, "--quiet"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^\d+ findings: \d+ critical, \d+ high, \d+ medium, \d+ low(, \d+ info)?( \(\d+ suppressed\))?\. exit 1: \d+ findings at or above low\n$/,
    );
  });

  it("--compact prints one line per active finding, then the summary and the verdict", async () => {
    const full = JSON.parse((await runCli([...example, "-f", "json"])).stdout);
    const run = await runCli([...example, "--compact"]);
    const findingLines = run.stdout.split("\n").filter((l) => /^(CRITICAL|HIGH|MEDIUM|LOW|INFO)\s/.test(l));
    expect(findingLines).toHaveLength(full.summary.total);
    expect(findingLines[0]).toMatch(/^CRITICAL PG-[A-Z0-9-]+ {2}\S+ {2}examples\/ml-platform\/\S+\.tf:\d+ {2}\S/);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toMatch(/^exit 1: /);
  });

  it("refuses both at once", async () => {
    const run = await runCli([...example, "--quiet", "--compact"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("planguard: --quiet and --compact are two layouts of the text report: give one\n");
  });
});

describe("--rule and --skip-rule (Checkov's --check and --skip-check)", () => {
  const rulesOf = async (...flags: string[]) => {
    const run = await runCli([...example, "-f", "json", ...flags]);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string }[]; rules: { id: string }[] };
    return { code: run.code, found: new Set(report.findings.map((f) => f.ruleId)), ran: report.rules.map((r) => r.id) };
  };

  it("--skip-rule takes ids and aliases, comma-separated or repeated", async () => {
    const all = await rulesOf();
    expect(all.found).toContain("PG-AWS-EBS-001");
    expect(all.found).toContain("PG-AWS-NET-003");
    const skipped = await rulesOf("--skip-rule", "CKV_AWS_3,pg-aws-net-003");
    expect(skipped.found).not.toContain("PG-AWS-EBS-001");
    expect(skipped.found).not.toContain("PG-AWS-NET-003");
    expect(skipped.found.size).toBe(all.found.size - 2);
    expect((await rulesOf("--skip-check", "CKV_AWS_3")).found).not.toContain("PG-AWS-EBS-001");
  });

  it("--rule runs only the rules named", async () => {
    const only = await rulesOf("--rule", "PG-AWS-EBS-001", "--check", "CKV_AWS_122");
    expect(only.ran.filter((id) => id !== "PG-CONFIG-001").sort()).toEqual(["PG-AWS-EBS-001", "PG-AWS-NET-003"]);
    expect([...only.found].filter((id) => id !== "PG-CONFIG-001").sort()).toEqual(["PG-AWS-EBS-001", "PG-AWS-NET-003"]);
  });

  it("an id that names no rule is exit 2, with the near miss", async () => {
    const run = await runCli([...example, "--rule", "PG-AWS-EBS-01"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "planguard: --rule PG-AWS-EBS-01: no rule has this id or alias (did you mean PG-AWS-EBS-001?); `planguard rules` lists them\n",
    );
  });
});

describe("planguard scan --help", () => {
  it("groups the options by purpose", async () => {
    const run = await runCli(["scan", "--help"]);
    const headings = run.stdout.split("\n").filter((l) => /^[A-Z][A-Za-z ]+:$/.test(l));
    expect(headings).toEqual([
      "Arguments:",
      "Output:",
      "Pass or fail:",
      "Rules and policies:",
      "Inputs and sources:",
      "Options:",
    ]);
    const section = (heading: string) => run.stdout.split(`${heading}\n`)[1]!.split("\n\n")[0]!;
    expect(section("Output:")).toMatch(/--quiet[\s\S]*--compact/);
    expect(section("Pass or fail:")).toMatch(/--fail-on[\s\S]*--baseline <file>/);
    expect(section("Rules and policies:")).toMatch(/--rule[\s\S]*--skip-rule[\s\S]*--policy/);
    expect(section("Inputs and sources:")).toMatch(/--config[\s\S]*--source-dir[\s\S]*--changed-only/);
    // Checkov's spellings work but are not advertised twice.
    expect(run.stdout).not.toContain("--skip-check");
  });
});

describe("the text report explains itself (item 9)", () => {
  it("each finding has a one-line fix and its rule's docs", async () => {
    const run = await runCli(["scan", fixturePath("rules", "PG-AWS-EBS-001", "fail.json")]);
    expect(run.stdout).toContain(
      [
        "  PG-AWS-EBS-001  aws_ebs_volume.scratch  [encryption]",
        "    EBS volume aws_ebs_volume.scratch is not encrypted at rest.",
        `    at ${fixturePath("rules", "PG-AWS-EBS-001", "fail.json")} (encrypted)`,
        "    fix: Set `encrypted = true` (and `kms_key_id` for a customer-managed key), or turn on EBS encryption by default for the account.",
        "    docs: https://github.com/planguard/planguard/blob/main/docs/rules.md#pg-aws-ebs-001",
      ].join("\n"),
    );
  });

  it("bundled Rego rules link to docs/rules.md too", async () => {
    const run = await runCli([...example]);
    const rego = run.stdout.match(/^ {2}(PG-AWS-S3-103) [\s\S]*?\n {4}docs: (\S+)/m);
    expect(rego?.[2]).toBe("https://github.com/planguard/planguard/blob/main/docs/rules.md#pg-aws-s3-103");
  });

  it.each([
    [[], 1, "exit 1: 1 finding at or above low"],
    [["--fail-on", "critical"], 0, "exit 0: no findings at or above critical (1 below it)"],
    [["--soft-fail"], 0, "exit 0: 1 finding at or above low, but --soft-fail"],
  ])("the last line says why the exit code is what it is (%j)", async (flags, code, last) => {
    const run = await runCli(["scan", fixturePath("rules", "PG-AWS-EBS-001", "fail.json"), ...(flags as string[])]);
    expect(run.code).toBe(code);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(last);
  });

  it("a pass says what did not count: suppressed findings", async () => {
    const dir = ebsProject({ config: "waivers:\n  - rule: PG-AWS-EBS-001\n    reason: scratch\n" });
    process.chdir(dir);
    const run = await runCli(["scan", "plan.json"]);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("exit 0: no findings at or above low (1 suppressed)");
  });

  it("'22 of 23 resources judged' says which one was not, and why", async () => {
    const run = await runCli([...example]);
    expect(run.stdout.split("\n")[0]).toMatch(
      /: plan, Terraform [\d.]+, 22 of 23 resources judged; not judged: 1 will not exist after apply \(aws_instance\.legacy_k80_trainer\)$/,
    );
    const changed = await runCli([...example, "--changed-only", "-f", "json"]);
    const input = JSON.parse(changed.stdout).inputs[0];
    const reasons = Object.fromEntries(
      input.notJudged.map((n: { reason: string; count: number }) => [n.reason, n.count]),
    );
    expect(input.judged + Object.values(reasons).reduce((a: number, b) => a + (b as number), 0)).toBe(input.resources);
    expect(Object.keys(reasons)).toContain("will not exist after apply");
  });
});
