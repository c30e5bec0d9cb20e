import { describe, expect, it } from "vitest";
import { conftestKind, conftestResults, EMPTY_MESSAGE, exceptedSuffixes } from "../../src/policy/rego/conftest.js";
import { regoRuleMetadata } from "../../src/policy/rego/metadata.js";
import { makeObject, RegoSet } from "../../src/rego/value.js";

describe("conftest's contract", () => {
  it("recognizes deny, violation and warn rules with an optional suffix", () => {
    expect(conftestKind("deny")).toEqual({ kind: "deny", suffix: "" });
    expect(conftestKind("warn_s3_tags")).toEqual({ kind: "warn", suffix: "s3_tags" });
    expect(conftestKind("violation_1")).toEqual({ kind: "violation", suffix: "1" });
    expect(conftestKind("denied")).toBeUndefined();
    expect(conftestKind("exception")).toBeUndefined();
  });

  it("reads strings and objects with msg, resource, attribute, severity and id", () => {
    const value = new RegoSet([
      "plain message",
      makeObject([
        ["msg", "bucket is public"],
        ["resource", "aws_s3_bucket.b"],
        ["attribute", ["acl"]],
        ["severity", "CRITICAL"],
        ["id", "ORG-001"],
      ]),
      "",
    ]);
    expect(conftestResults(value)).toEqual([
      { msg: "plain message" },
      { msg: "bucket is public", resource: "aws_s3_bucket.b", attribute: "acl", severity: "critical", id: "ORG-001" },
      { msg: EMPTY_MESSAGE },
    ]);
    expect(conftestResults(undefined)).toEqual([]);
    expect(conftestResults(["a", "b"])).toEqual([{ msg: "a" }, { msg: "b" }]);
  });

  it("keeps an empty message as a failure and refuses an object without a string msg, as conftest does", () => {
    expect(conftestResults(new RegoSet([""]))).toEqual([{ msg: EMPTY_MESSAGE }]);
    expect(conftestResults(new RegoSet([makeObject([["msg", ""]])]))).toEqual([{ msg: EMPTY_MESSAGE }]);
    expect(() => conftestResults(new RegoSet([makeObject([["nomsg", 1]])]))).toThrow(/no msg field/);
    expect(() => conftestResults(new RegoSet([makeObject([["msg", 1]])]))).toThrow(/msg field is not a string/);
  });

  it("reads the rule suffixes an exception exempts", () => {
    expect([...exceptedSuffixes(new RegoSet([["s3_tags"], ["", "x"]]))].sort()).toEqual(["", "s3_tags", "x"]);
  });
});

describe("metadata from annotations", () => {
  const pkg = { path: "planguard.encryption.aws.efs", file: "policies/encryption/aws/efs.rego", rules: [] };

  it("takes id, severity, category and the rest from custom", () => {
    const meta = regoRuleMetadata(pkg, "deny", "deny", {
      title: "EFS not encrypted",
      description: "d",
      custom: {
        id: "PG-AWS-EFS-101",
        severity: "High",
        category: "encryption",
        providers: ["aws"],
        resource_types: ["aws_efs_file_system"],
        aliases: ["CKV_AWS_42"],
        compliance: [{ framework: "CIS AWS Foundations 3.0", control: "2.4.1" }, "HIPAA 164.312"],
        remediation: "Set encrypted = true.",
      },
    });
    expect(meta).toMatchObject({
      id: "PG-AWS-EFS-101",
      title: "EFS not encrypted",
      severity: "high",
      category: "encryption",
      resourceTypes: ["aws_efs_file_system"],
      aliases: ["CKV_AWS_42"],
      compliance: [
        { framework: "CIS AWS Foundations 3.0", control: "2.4.1" },
        { framework: "HIPAA", control: "164.312" },
      ],
      language: "rego",
      origin: "policies/encryption/aws/efs.rego",
    });
  });

  it("gives conftest policies without annotations conftest's behaviour: deny fails, warn does not", () => {
    const user = { path: "main", file: "policy/main.rego", rules: [] };
    expect(regoRuleMetadata(user, "deny_public", "deny", undefined)).toMatchObject({
      id: "main.deny_public",
      severity: "high",
      category: "policy",
    });
    expect(regoRuleMetadata(user, "warn", "warn", undefined).severity).toBe("info");
  });
});
