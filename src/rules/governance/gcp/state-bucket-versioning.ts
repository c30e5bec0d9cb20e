import { isUnknown } from "../../../plan/model.js";
import { fail, resourceRule, unknown, type CheckResult } from "../../../policy/rule.js";
import { stateBucket } from "../state-buckets.js";

export const gcsStateBucketVersioning = resourceRule({
  id: "PG-GCP-GOV-009",
  title: "Terraform state bucket without object versioning (GCS)",
  description:
    "A GCS bucket that holds state (listed in `environments.<name>.state_buckets` or named by the root module's gcs backend) needs object versioning, so that an overwritten or deleted state can be recovered.",
  severity: "high",
  category: "governance",
  providers: ["google"],
  resourceTypes: ["google_storage_bucket"],
  remediation: "Set `versioning { enabled = true }` on the bucket.",
  check(r, ctx): CheckResult {
    const name = stateBucket(r, ctx, "name");
    if (!name) return;
    if (isUnknown(r, "versioning.0.enabled") || isUnknown(r, "versioning"))
      return unknown(`Whether state bucket ${name} keeps versions is known only after apply.`, "versioning");
    const v = r.after?.["versioning"];
    if (Array.isArray(v) && (v[0] as Record<string, unknown> | undefined)?.["enabled"] === true) return;
    return fail(`State bucket ${name} (${r.address}) does not keep object versions.`, "versioning");
  },
});
