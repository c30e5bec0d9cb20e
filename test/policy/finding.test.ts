import { describe, expect, it } from "vitest";
import { toFinding } from "../../src/policy/finding.js";
import type { RuleMetadata } from "../../src/policy/types.js";

const meta = (narrower?: string[]): RuleMetadata => ({
  id: "TEAM-NET-001",
  title: "t",
  description: "d",
  severity: "high",
  category: "network",
  providers: ["aws"],
  resourceTypes: ["aws_security_group_rule"],
  compliance: [],
  remediation: "r",
  aliases: [],
  origin: "test",
  language: "rego",
  ...(narrower ? { narrower } : {}),
});

const resource = { address: "aws_security_group_rule.r", type: "aws_security_group_rule", moduleAddress: "" };

function aliasesOf(m: RuleMetadata, named: string[]): string[] | undefined {
  return toFinding(m, { kind: "fail", message: "m", aliases: named }, "plan.json", "high", resource).aliases;
}

describe("toFinding's narrower ids", () => {
  it("keeps declared ids in their declared spelling, first named first, each once, on first and later findings", () => {
    const rule = meta(["CKV_A", "CKV_B", "AVD-C"]);
    // Asked repeatedly: the ids are looked up by their written form after the first finding.
    for (let round = 0; round < 3; round++) {
      expect(aliasesOf(rule, ["avd-c", "CKV_A", "ckv_a", "CKV_UNDECLARED", "Ckv_B", "AVD-C"])).toEqual([
        "AVD-C",
        "CKV_A",
        "CKV_B",
      ]);
      expect(aliasesOf(rule, ["CKV_B"])).toEqual(["CKV_B"]);
    }
  });

  it("names no aliases when none is declared or none named is", () => {
    expect(aliasesOf(meta(), ["CKV_A"])).toBeUndefined();
    expect(aliasesOf(meta(["CKV_A"]), ["CKV_Z", "ckv_z"])).toBeUndefined();
    expect(aliasesOf(meta(["CKV_A"]), [])).toBeUndefined();
  });

  it("answers rightly past the bound on ids kept by their written form", () => {
    const rule = meta(["CKV_A"]);
    for (let i = 0; i < 600; i++) expect(aliasesOf(rule, [`unknown_${i}`])).toBeUndefined();
    expect(aliasesOf(rule, ["ckv_a", "Ckv_A"])).toEqual(["CKV_A"]);
  });
});
