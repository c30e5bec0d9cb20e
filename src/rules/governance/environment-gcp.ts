import type { RuleContext } from "../../policy/rule.js";
import { foreignOwner, type CurrentEnvironment } from "./common.js";

/**
 * GCP environment separation: projects are the boundary. A plan for one
 * environment that names a project another environment declares crosses it.
 */

export const PROJECT_PATH = /(?:^|\/)projects\/([a-z][a-z0-9-]{4,28}[a-z0-9])(?:\/|$)/g;

export const KMS_PATH =
  /(^|\.)(kms_key_name|default_kms_key_name|kms_key_self_link|encryption_key_name|crypto_key|crypto_key_id|key_name|kms_key)$/;

export const GCP = /^google_/;

export function foreignProjects(
  ctx: RuleContext,
  env: CurrentEnvironment,
  text: string,
  pattern: RegExp,
): { project: string; owner: string }[] {
  const out: { project: string; owner: string }[] = [];
  for (const project of new Set([...text.matchAll(pattern)].map((m) => m[1]!))) {
    const owner = foreignOwner(ctx.config, env, "gcp_project", project);
    if (owner) out.push({ project, owner });
  }
  return out;
}

export function describe(found: readonly { project: string; owner: string }[]): string {
  return found.map((f) => `${f.project} (${f.owner})`).join(", ");
}

export const MEMBER_TYPES = /^google_.*_iam_(member|binding|policy)$/;
