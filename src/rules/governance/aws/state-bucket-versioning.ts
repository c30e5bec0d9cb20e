import { fail, resourceRule, unknown, type CheckResult } from "../../../policy/rule.js";
import { readAttribute } from "../../read.js";
import { companions, stateBucket } from "../state-buckets.js";

export const s3StateBucketVersioning = resourceRule({
  id: "PG-AWS-GOV-014",
  title: "Terraform state bucket without versioning",
  description:
    "Without versioning, a state file overwritten by a bad apply, a bug or an attacker cannot be recovered. An S3 bucket that holds state (listed in `environments.<name>.state_buckets` or named by the root module's backend) needs versioning enabled.",
  severity: "high",
  category: "governance",
  providers: ["aws"],
  resourceTypes: ["aws_s3_bucket"],
  remediation:
    'Add an `aws_s3_bucket_versioning` for the bucket with `status = "Enabled"` (and a lifecycle rule that keeps noncurrent versions long enough to recover).',
  check(r, ctx): CheckResult {
    const name = stateBucket(r, ctx, "bucket");
    if (!name) return;
    const inline = r.after?.["versioning"];
    if (Array.isArray(inline) && (inline[0] as Record<string, unknown> | undefined)?.["enabled"] === true) return;
    const configs = companions(ctx.model, r, name, "aws_s3_bucket_versioning");
    for (const v of configs) {
      const status = readAttribute(ctx.model, v, "versioning_configuration.0.status");
      if (status.state === "known" && status.value === "Enabled") return;
      if (status.state === "unknown")
        return unknown(`Whether ${v.address} enables versioning of state bucket ${name} is known only after apply.`);
    }
    return fail(`State bucket ${name} (${r.address}) does not have versioning enabled.`, "versioning");
  },
});
