import { describe, expect, it } from "vitest";
import { loadRegoPolicies } from "../../src/policy/rego/load.js";
import { runScan } from "../../src/scan/run.js";
import type { PlanguardConfig } from "../../src/config/config.js";
import { BUNDLED_RULES } from "../../src/rules/index.js";
import { fixturePath } from "../helpers/shared.js";

/**
 * fixtures/causes/new-rules: the checks an honest alias audit added or
 * widened. IAM Action "*" on named resources (PG-AWS-IAM-007, CKV_AWS_63),
 * a managed policy attached to users through aws_iam_policy_attachment
 * (PG-AWS-IAM-006), a public statement in aws_s3_bucket's inline policy
 * (PG-AWS-IAM-003), a bucket without any public access block (PG-AWS-S3-002).
 */
const rego = await loadRegoPolicies({ paths: [], dataFiles: [], namespaces: ["main"], bundled: true });
const RULES = new Set(["PG-AWS-IAM-003", "PG-AWS-IAM-006", "PG-AWS-IAM-007", "PG-AWS-S3-002"]);

async function scan(name: string, config: PlanguardConfig = {}) {
  const result = await runScan({
    files: [fixturePath("causes", "new-rules", `${name}.json`)],
    config,
    rego,
    today: "2026-12-07",
  });
  expect(result.failures).toEqual([]);
  return result.findings.filter((f) => RULES.has(f.ruleId));
}

const key = (f: { ruleId: string; resource?: { address: string } }) => `${f.ruleId} ${f.resource?.address}`;

describe("rules added or widened by the alias audit", () => {
  it("fail on the misconfigurations", async () => {
    const all = await scan("fail");
    expect(all.filter((f) => f.undecided)).toEqual([]);
    expect(all.map(key).sort()).toEqual([
      "PG-AWS-IAM-003 aws_s3_bucket.ml_public_models",
      "PG-AWS-IAM-006 aws_iam_policy_attachment.shared",
      "PG-AWS-IAM-007 aws_iam_policy.dataset_admin",
      "PG-AWS-S3-002 aws_s3_bucket.ml_datasets",
      "PG-AWS-S3-002 aws_s3_bucket.ml_public_models",
    ]);
    expect(all.find((f) => f.ruleId === "PG-AWS-IAM-007")!.message).toContain("arn:aws:s3:::ml-datasets/*");
  });

  it("pass: named actions, no users, a conditioned public statement, the account-level block", async () => {
    expect((await scan("pass")).map(key)).toEqual([]);
  });

  it("stay undecided when the document, the users or the account block are known only after apply", async () => {
    const all = await scan("unknown");
    expect(all.filter((f) => !f.undecided)).toEqual([]);
    expect(all.map(key).sort()).toEqual([
      "PG-AWS-IAM-003 aws_s3_bucket.ml_public_models",
      "PG-AWS-IAM-006 aws_iam_policy_attachment.shared",
      "PG-AWS-IAM-007 aws_iam_policy.dataset_admin",
      "PG-AWS-S3-002 aws_s3_bucket.ml_public_models",
    ]);
  });
});

describe("other tools' ids", () => {
  const meta = (id: string) => BUNDLED_RULES.find((r) => r.meta.id === id)!.meta;

  it("are aliases or related ids, each on one rule", () => {
    expect(meta("PG-AWS-IAM-001").aliases).toEqual(["CKV_AWS_62"]);
    // Each other tool's id belongs to one rule: CKV_AWS_63 is PG-AWS-IAM-007's check, not IAM-001's.
    expect(meta("PG-AWS-IAM-001").related ?? []).toEqual([]);
    // IAM-007 also reads permission sets' inline policies, which CKV_AWS_63 does not: it names the check per finding.
    expect(meta("PG-AWS-IAM-007").aliases).toEqual([]);
    expect(meta("PG-AWS-IAM-007").narrower).toEqual(["CKV_AWS_63", "CKV2_AWS_40"]);
    // AVD-AWS-0057 has no rule body left in trivy-checks: it relates to nothing.
    expect(meta("PG-AWS-IAM-007").related ?? []).toEqual([]);
    // A bucket without any block fails each of these; a bucket block with a setting off is PG-AWS-S3-102's.
    expect(meta("PG-AWS-S3-002").aliases).toEqual([
      "CKV2_AWS_6",
      "AVD-AWS-0094",
      "AVD-AWS-0086",
      "AVD-AWS-0087",
      "AVD-AWS-0091",
      "AVD-AWS-0093",
    ]);
    expect(meta("PG-AWS-S3-002").related ?? []).toEqual([]);
    // Deprecated AVD-AWS-0088 still fails an undeclared bucket, as S3-001 does; CKV_AWS_19 passes it (and fails
    // nothing S3-001 fails), so it is a narrower id no finding names.
    expect(meta("PG-AWS-S3-001").aliases).toEqual(["AVD-AWS-0088"]);
    expect(meta("PG-AWS-S3-001").narrower).toEqual(["CKV_AWS_19"]);
    expect(meta("PG-AWS-S3-001").related ?? []).toEqual([]);
  });

  it("are accepted by waivers and by rules.disable", async () => {
    const waived = await scan("fail", {
      waivers: [
        { rule: "AVD-AWS-0094", resource: "aws_s3_bucket.ml_datasets", reason: "account block managed elsewhere" },
      ],
    });
    const s3 = waived.filter((f) => f.ruleId === "PG-AWS-S3-002");
    expect(s3.find((f) => f.resource?.address === "aws_s3_bucket.ml_datasets")!.suppression?.kind).toBe("waiver");
    expect(s3.find((f) => f.resource?.address === "aws_s3_bucket.ml_public_models")!.suppression).toBeUndefined();
    const disabled = await scan("fail", { rules: { disable: ["CKV2_AWS_6"] } });
    expect(disabled.some((f) => f.ruleId === "PG-AWS-S3-002")).toBe(false);
  });
});
