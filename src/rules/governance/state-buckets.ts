import { allTrue, PUBLIC_ACCESS_BLOCK_SETTINGS } from "../account-settings.js";
import { isUnknown, referrersOf, type Model, type Resource } from "../../plan/model.js";
import { fail, resourceRule, unknown, type CheckResult, type RuleContext } from "../../policy/rule.js";
import { readAttribute } from "../read.js";

/**
 * Buckets that hold Terraform state, when the plan manages them: state is
 * only as trustworthy as its bucket. A bucket is a state bucket when an
 * environment's `state_buckets` lists it or the root module's backend
 * names it.
 */

function stateBucketNames(ctx: RuleContext): Set<string> {
  const names = new Set<string>();
  for (const env of Object.values(ctx.config.environments ?? {})) for (const b of env.state_buckets ?? []) names.add(b);
  const backend = ctx.backend;
  if (backend?.kind === "backend" && (backend.type === "s3" || backend.type === "gcs") && typeof backend.settings["bucket"] === "string") names.add(backend.settings["bucket"]);
  return names;
}

/** The bucket's name when it is a known state bucket. */
function stateBucket(r: Resource, ctx: RuleContext, nameAttribute: string): string | undefined {
  const name = r.after?.[nameAttribute];
  return typeof name === "string" && stateBucketNames(ctx).has(name) ? name : undefined;
}

/** Companion resources (versioning, public access block) of a bucket: by reference, or by its name written out. */
function companions(model: Model, bucket: Resource, name: string, type: string): Resource[] {
  const out = new Set(referrersOf(model, bucket, type, "bucket"));
  for (const r of model.resources) if (r.type === type && r.willExist && r.after?.["bucket"] === name) out.add(r);
  return [...out];
}

export const s3StateBucketVersioning = resourceRule({
  id: "PG-AWS-GOV-014",
  title: "Terraform state bucket without versioning",
  description:
    "Without versioning, a state file overwritten by a bad apply, a bug or an attacker cannot be recovered. An S3 bucket that holds state (listed in `environments.<name>.state_buckets` or named by the root module's backend) needs versioning enabled.",
  severity: "high",
  category: "governance",
  providers: ["aws"],
  resourceTypes: ["aws_s3_bucket"],
  remediation: "Add an `aws_s3_bucket_versioning` for the bucket with `status = \"Enabled\"` (and a lifecycle rule that keeps noncurrent versions long enough to recover).",
  check(r, ctx): CheckResult {
    const name = stateBucket(r, ctx, "bucket");
    if (!name) return;
    const inline = r.after?.["versioning"];
    if (Array.isArray(inline) && (inline[0] as Record<string, unknown> | undefined)?.["enabled"] === true) return;
    const configs = companions(ctx.model, r, name, "aws_s3_bucket_versioning");
    for (const v of configs) {
      const status = readAttribute(ctx.model, v, "versioning_configuration.0.status");
      if (status.state === "known" && status.value === "Enabled") return;
      if (status.state === "unknown") return unknown(`Whether ${v.address} enables versioning of state bucket ${name} is known only after apply.`);
    }
    return fail(`State bucket ${name} (${r.address}) does not have versioning enabled.`, "versioning");
  },
});

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
    if (state === "unknown") return unknown(`The public access block of state bucket ${name} is known only after apply.`);
    const missing = state === "absent" ? "has no public access block" : "has a public access block with a setting off";
    return fail(`State bucket ${name} (${r.address}) ${missing}.`);
  },
});

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
    if (isUnknown(r, "versioning.0.enabled") || isUnknown(r, "versioning")) return unknown(`Whether state bucket ${name} keeps versions is known only after apply.`, "versioning");
    const v = r.after?.["versioning"];
    if (Array.isArray(v) && (v[0] as Record<string, unknown> | undefined)?.["enabled"] === true) return;
    return fail(`State bucket ${name} (${r.address}) does not keep object versions.`, "versioning");
  },
});

export const stateBucketRules = [s3StateBucketVersioning, s3StatePublicAccess, gcsStateBucketVersioning];
