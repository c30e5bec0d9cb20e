import { fail, resourceRule, unknown, type CheckResult } from "../../../policy/rule.js";
import { allTrue, PUBLIC_ACCESS_BLOCK_SETTINGS } from "../../account-settings.js";
import { companions, stateBucket } from "../state-buckets.js";

export const s3StatePublicAccess = resourceRule({
  id: "PG-AWS-GOV-015",
  title: "Terraform state bucket without a full public access block",
  description:
    "State holds every secret the configuration touches. A state bucket needs all four S3 public access block settings, so that no policy or ACL written later can expose it.",
  severity: "high",
  category: "governance",
  providers: ["aws"],
  resourceTypes: ["aws_s3_bucket"],
  remediation: "Add an `aws_s3_bucket_public_access_block` for the bucket with all four settings true.",
  check(r, ctx): CheckResult {
    const name = stateBucket(r, ctx, "bucket");
    if (!name) return;
    const blocks = companions(ctx.model, r, name, "aws_s3_bucket_public_access_block");
    const state = allTrue(ctx.model, blocks, PUBLIC_ACCESS_BLOCK_SETTINGS);
    if (state === "on") return;
    if (state === "unknown")
      return unknown(`The public access block of state bucket ${name} is known only after apply.`);
    const missing = state === "absent" ? "has no public access block" : "has a public access block with a setting off";
    return fail(`State bucket ${name} (${r.address}) ${missing}.`);
  },
});
