import { describe, expect, it } from "vitest";
import { RuleSelection } from "../../src/policy/select.js";
import type { RuleMetadata } from "../../src/policy/types.js";
import { verdictOf } from "../../src/scan/verdict.js";
import type { Finding } from "../../src/policy/types.js";

const meta = (id: string, aliases: string[] = [], severity: RuleMetadata["severity"] = "medium"): RuleMetadata => ({
  id,
  title: id,
  description: id,
  severity,
  category: "network",
  providers: [],
  resourceTypes: [],
  compliance: [],
  remediation: "fix it",
  aliases,
  language: "typescript",
  origin: "builtin",
});

const net3 = meta("PG-AWS-NET-003", ["CKV_AWS_122"]);
const ebs = meta("PG-AWS-EBS-001", ["CKV_AWS_3", "AVD-AWS-0026"], "high");

describe("RuleSelection: ids and aliases in every list", () => {
  it("severity overrides by id or alias, any case; the id wins", () => {
    expect(new RuleSelection({ rules: { severity: { ckv_aws_122: "high" } } }).severityOf(net3)).toBe("high");
    expect(
      new RuleSelection({ rules: { severity: { CKV_AWS_122: "low", "PG-AWS-NET-003": "critical" } } }).severityOf(net3),
    ).toBe("critical");
    expect(new RuleSelection({}).severityOf(net3)).toBe("medium");
  });

  it("disable, --skip-rule and --rule", () => {
    expect(new RuleSelection({ rules: { disable: ["avd-aws-0026"] } }).isEnabled(ebs)).toBe(false);
    expect(new RuleSelection({}, { skip: ["CKV_AWS_3"] }).isEnabled(ebs)).toBe(false);
    const only = new RuleSelection({}, { only: ["CKV_AWS_122"] });
    expect(only.isEnabled(net3)).toBe(true);
    expect(only.isEnabled(ebs)).toBe(false);
    // A skip wins over --rule naming the same rule.
    expect(new RuleSelection({}, { only: ["PG-AWS-EBS-001"], skip: ["CKV_AWS_3"] }).isEnabled(ebs)).toBe(false);
  });
});

describe("verdictOf: the exit code and the sentence that explains it", () => {
  const finding = (severity: Finding["severity"], extra: Partial<Finding> = {}): Finding => ({
    ruleId: "R",
    severity,
    category: "c",
    message: "m",
    fingerprint: "f",
    file: "p.json",
    ...extra,
  });

  it.each([
    [[finding("high"), finding("low")], "low", false, 1, "exit 1: 2 findings at or above low"],
    [[finding("high"), finding("low")], "high", false, 1, "exit 1: 1 finding at or above high"],
    [
      [
        finding("medium"),
        finding("info", { undecided: true }),
        finding("critical", { suppression: { kind: "waiver", reason: "r" } }),
      ],
      "high",
      false,
      0,
      "exit 0: no findings at or above high (1 below it, 1 undecided until apply, 1 suppressed)",
    ],
    [[finding("critical")], "low", true, 0, "exit 0: 1 finding at or above low, but --soft-fail"],
    [[], "low", false, 0, "exit 0: no findings at or above low"],
  ] as const)("%#: %j at --fail-on %s, soft-fail %s", (findings, failOn, softFail, code, reason) => {
    expect(verdictOf({ findings, failures: [] }, { failOn, softFail })).toEqual({ exitCode: code, reason });
  });

  it("rules that could not run make it exit 2 whatever the findings, counting each rule once", () => {
    const failures = [
      { ruleId: "A", origin: "a.rego", message: "x", resource: "r1" },
      { ruleId: "A", origin: "a.rego", message: "x", resource: "r2" },
      { ruleId: "B", origin: "b.rego", message: "y" },
    ];
    const verdict = verdictOf({ findings: [finding("critical")], failures }, { failOn: "low", softFail: true });
    expect(verdict.exitCode).toBe(2);
    expect(verdict.reason).toBe(
      "exit 2: the scan is incomplete: 2 rules could not run (errors above); the findings come from the rules that did",
    );
  });
});
