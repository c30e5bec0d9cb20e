import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fingerprintOf } from "../../src/policy/fingerprint.js";

describe("fingerprintOf", () => {
  it("is the first 32 hex digits of the SHA-256 of rule, address and attribute", () => {
    // Baselines written by earlier versions hold these values: the digest must never change.
    const cases: [string, string | undefined, string | undefined][] = [
      ["PG-AWS-EBS-001", 'module.a["k"].aws_ebs_volume.v[0]', "encrypted"],
      ["PG-GPU-001", undefined, undefined],
      ["PG-GCP-IAM-001", "google_project_iam_member.é", ""],
    ];
    for (const [rule, address, attribute] of cases) {
      const expected = createHash("sha256")
        .update(`${rule}\u0000${address ?? ""}\u0000${attribute ?? ""}`)
        .digest("hex")
        .slice(0, 32);
      expect(fingerprintOf(rule, address, attribute)).toBe(expected);
    }
    expect(fingerprintOf("PG-GPU-001", undefined, undefined)).toBe(fingerprintOf("PG-GPU-001", "", ""));
  });
});
