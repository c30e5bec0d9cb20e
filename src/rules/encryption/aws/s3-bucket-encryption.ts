import { referrersOf } from "../../../plan/model.js";
import { fail, resourceRule } from "../../../policy/rule.js";
import { isSet, readKnown } from "../../read.js";

export const s3BucketEncryption = resourceRule({
  id: "PG-AWS-S3-001",
  title: "S3 bucket declares no server-side encryption",
  description:
    "Since 2023 S3 applies SSE-S3 (AWS-owned keys) to new objects by default, but a bucket for datasets and model artifacts should declare its encryption, ideally SSE-KMS with a key you control, so that access to the data can be audited and revoked. The encryption may be declared inline or by a separate aws_s3_bucket_server_side_encryption_configuration resource that refers to the bucket.",
  severity: "medium",
  category: "encryption",
  providers: ["aws"],
  resourceTypes: ["aws_s3_bucket"],
  // AVD-AWS-0088 (deprecated in Trivy since S3 encrypts every bucket by default, 2023, so run
  // only on request) still fails a bucket that declares no encryption, as this rule does.
  aliases: ["AVD-AWS-0088"],
  // CKV_AWS_19 passes a bucket that declares nothing (S3's SSE-S3 default) and fails only a declared default
  // other than AES256 or aws:kms: aws:kms:dsse, or an SSE rule without a default algorithm. Neither leaves a
  // bucket unencrypted, and this rule passes both (they declare encryption), so no finding of it names the check.
  narrower: ["CKV_AWS_19"],
  remediation:
    'Add an `aws_s3_bucket_server_side_encryption_configuration` whose `bucket` refers to this bucket, with `sse_algorithm = "aws:kms"` and a `kms_master_key_id`.',
  check(r, { model }) {
    if (isSet(readKnown(model, r, "server_side_encryption_configuration"))) return;
    if (referrersOf(model, r, "aws_s3_bucket_server_side_encryption_configuration", "bucket").length > 0) return;
    return fail(
      `S3 bucket ${r.address} declares no server-side encryption (inline or through an SSE configuration resource).`,
      "server_side_encryption_configuration",
    );
  },
});
