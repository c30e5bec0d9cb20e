import { referrersOf, type Model, type Resource } from "../../../plan/model.js";
import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { s3AccountPublicAccessBlock } from "../../account-settings.js";
import { readKnown } from "../../read.js";

/**
 * Whether a bucket has its own aws_s3_bucket_public_access_block: one whose
 * `bucket` refers to it, or names it by its known name. Whether that block's
 * settings are on is PG-AWS-S3-102's question.
 */
function hasBucketBlock(model: Model, bucket: Resource): boolean {
  if (referrersOf(model, bucket, "aws_s3_bucket_public_access_block", "bucket").length > 0) return true;
  const name = readKnown(model, bucket, "bucket");
  return typeof name === "string" && name !== "" && blockedBucketNames(model).has(name);
}

/** The known bucket names the plan's public access blocks name, once per model (not once per bucket). */
const namesByModel = new WeakMap<Model, ReadonlySet<string>>();

function blockedBucketNames(model: Model): ReadonlySet<string> {
  let names = namesByModel.get(model);
  if (!names) {
    const found = new Set<string>();
    for (const r of model.resources) {
      if (r.type !== "aws_s3_bucket_public_access_block" || !r.willExist) continue;
      const name = readKnown(model, r, "bucket");
      if (typeof name === "string") found.add(name);
    }
    namesByModel.set(model, (names = found));
  }
  return names;
}

export const s3NoPublicAccessBlock = resourceRule({
  id: "PG-AWS-S3-002",
  title: "S3 bucket has no public access block, at the bucket or the account level",
  description:
    "Block Public Access overrides any ACL or bucket policy that would make a dataset or model bucket public. A bucket with neither its own aws_s3_bucket_public_access_block nor an aws_s3_account_public_access_block (all four settings on) in the same plan relies on every future policy and ACL being right. An account-level block managed elsewhere is not visible in the plan: waive the rule for such accounts.",
  severity: "medium",
  category: "iam",
  providers: ["aws"],
  resourceTypes: ["aws_s3_bucket"],
  compliance: [{ framework: "CIS AWS Foundations 3.0", control: "2.1.4" }],
  // Each fails a bucket without its own block, also one the account-level block covers (which this rule passes:
  // that block overrides every bucket's ACLs and policies). A bucket block with a setting off is PG-AWS-S3-102's.
  aliases: ["CKV2_AWS_6", "AVD-AWS-0094", "AVD-AWS-0086", "AVD-AWS-0087", "AVD-AWS-0091", "AVD-AWS-0093"],
  defaults: [
    "aws_s3_account_public_access_block block_public_acls",
    "aws_s3_account_public_access_block block_public_policy",
    "aws_s3_account_public_access_block ignore_public_acls",
    "aws_s3_account_public_access_block restrict_public_buckets",
  ],
  remediation:
    "Add an `aws_s3_bucket_public_access_block` whose `bucket` refers to this bucket with all four settings true, or manage an `aws_s3_account_public_access_block` for the account.",
  check(r, { model }) {
    if (hasBucketBlock(model, r)) return;
    const account = s3AccountPublicAccessBlock(model);
    if (account === "on") return;
    if (account === "unknown")
      return unknown("Whether the account's public access block is on is known only after apply.");
    return fail(
      `S3 bucket ${r.address} has no public access block, and the plan has no account-level one that covers it.`,
    );
  },
});
