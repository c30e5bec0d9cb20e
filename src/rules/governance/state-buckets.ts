import { referrersOf, type Model, type Resource } from "../../plan/model.js";
import type { RuleContext } from "../../policy/rule.js";

/**
 * Buckets that hold Terraform state, when the plan manages them: state is
 * only as trustworthy as its bucket. A bucket is a state bucket when an
 * environment's `state_buckets` lists it or the root module's backend
 * names it.
 */

/**
 * Whether a bucket name is a state bucket's. Asked for every bucket of a
 * plan (thousands on a large one), nearly always with an answer of no: it
 * builds nothing, where a set of the names per question cost more than the
 * question.
 */
function isStateBucketName(ctx: RuleContext, name: string): boolean {
  const backend = ctx.backend;
  if (
    backend?.kind === "backend" &&
    (backend.type === "s3" || backend.type === "gcs") &&
    backend.settings["bucket"] === name
  )
    return true;
  const environments = ctx.config.environments;
  if (environments === undefined) return false;
  for (const env of Object.values(environments)) if (env.state_buckets?.includes(name)) return true;
  return false;
}

/** The bucket's name when it is a known state bucket. */
export function stateBucket(r: Resource, ctx: RuleContext, nameAttribute: string): string | undefined {
  const name = r.after?.[nameAttribute];
  return typeof name === "string" && isStateBucketName(ctx, name) ? name : undefined;
}

/** Companion resources (versioning, public access block) of a bucket: by reference, or by its name written out. */
export function companions(model: Model, bucket: Resource, name: string, type: string): Resource[] {
  const out = new Set(referrersOf(model, bucket, type, "bucket"));
  for (const r of model.resources) if (r.type === type && r.willExist && r.after?.["bucket"] === name) out.add(r);
  return [...out];
}
