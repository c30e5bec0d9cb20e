import { referrersOf, type Model, type Resource } from "../../plan/model.js";
import type { RuleContext } from "../../policy/rule.js";

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
  if (
    backend?.kind === "backend" &&
    (backend.type === "s3" || backend.type === "gcs") &&
    typeof backend.settings["bucket"] === "string"
  )
    names.add(backend.settings["bucket"]);
  return names;
}

/** The bucket's name when it is a known state bucket. */
export function stateBucket(r: Resource, ctx: RuleContext, nameAttribute: string): string | undefined {
  const name = r.after?.[nameAttribute];
  return typeof name === "string" && stateBucketNames(ctx).has(name) ? name : undefined;
}

/** Companion resources (versioning, public access block) of a bucket: by reference, or by its name written out. */
export function companions(model: Model, bucket: Resource, name: string, type: string): Resource[] {
  const out = new Set(referrersOf(model, bucket, type, "bucket"));
  for (const r of model.resources) if (r.type === type && r.willExist && r.after?.["bucket"] === name) out.add(r);
  return [...out];
}
