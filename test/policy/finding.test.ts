import { describe, expect, it } from "vitest";
import { toFinding } from "../../src/policy/finding.js";
import { fingerprintOf } from "../../src/policy/fingerprint.js";
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

describe("toFinding's fingerprint and JSON", () => {
  it("gives the fingerprint of rule, resource and attribute when read, the same on every read", () => {
    const f = toFinding(meta(), { kind: "fail", message: "m", attribute: "ingress.0" }, "plan.json", "high", resource);
    expect(f.fingerprint).toBe(fingerprintOf("TEAM-NET-001", resource.address, "ingress.0"));
    expect(f.fingerprint).toBe(fingerprintOf("TEAM-NET-001", resource.address, "ingress.0"));
    const planWide = toFinding(meta(), { kind: "fail", message: "m" }, "plan.json", "high");
    expect(planWide.fingerprint).toBe(fingerprintOf("TEAM-NET-001", undefined, undefined));
  });

  it("is written as JSON with its members in the report's order, the fingerprint after the message, absent ones left out", () => {
    const f = toFinding(
      meta(["CKV_A"]),
      { kind: "unknown", message: "m", attribute: "cidr", aliases: ["ckv_a"] },
      "plan.json",
      "high",
      resource,
    );
    f.source = { file: "main.tf", line: 3, endLine: 9 };
    f.suppression = { kind: "inline", reason: "ok", origin: "main.tf:2" };
    expect(Object.keys(JSON.parse(JSON.stringify(f)))).toEqual([
      "ruleId",
      "severity",
      "category",
      "message",
      "fingerprint",
      "file",
      "undecided",
      "resource",
      "attribute",
      "aliases",
      "source",
      "suppression",
    ]);
    expect(JSON.parse(JSON.stringify(f))).toEqual({
      ruleId: "TEAM-NET-001",
      severity: "info",
      category: "network",
      message: "Not decided until apply: m",
      fingerprint: fingerprintOf("TEAM-NET-001", resource.address, "cidr"),
      file: "plan.json",
      undecided: true,
      resource: { address: resource.address, type: resource.type, module: "" },
      attribute: "cidr",
      aliases: ["CKV_A"],
      source: { file: "main.tf", line: 3, endLine: 9 },
      suppression: { kind: "inline", reason: "ok", origin: "main.tf:2" },
    });
    const bare = toFinding(meta(), { kind: "fail", message: "m" }, "plan.json", "low");
    expect(JSON.stringify(bare)).toBe(
      `{"ruleId":"TEAM-NET-001","severity":"low","category":"network","message":"m","fingerprint":"${bare.fingerprint}","file":"plan.json"}`,
    );
  });
});
