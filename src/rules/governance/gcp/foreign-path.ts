import type { Resource } from "../../../plan/model.js";
import { fail, resourceRule, type Outcome } from "../../../policy/rule.js";
import { currentEnvironment, environmentKnown, outsideUnknowns, stringLeaves } from "../common.js";
import { GCP, KMS_PATH, MEMBER_TYPES, PROJECT_PATH, describe, foreignProjects } from "../environment-gcp.js";

/** Paths the other GCP environment rules (PG-GCP-GOV-002 to -004) judge with a better message. */
function coveredElsewhere(r: Resource, path: string): boolean {
  return (
    path === "project" ||
    KMS_PATH.test(path) ||
    (MEMBER_TYPES.test(r.type) && /^(member|members|policy_data)(\.|$)/.test(path))
  );
}

export const gcpForeignPath = resourceRule({
  id: "PG-GCP-GOV-005",
  title: "Resource refers to another environment's project",
  description:
    "A self link or resource path of another environment's project (a network to peer with, a subnetwork, a topic, an image) makes this environment depend on, or connect to, the other one.",
  severity: "medium",
  category: "governance",
  providers: ["google"],
  resourceTypes: [],
  resourceTypePattern: GCP,
  remediation:
    "Refer to this environment's own resources; connect environments only through a reviewed shared VPC or export.",
  runsWhen: environmentKnown,
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const out: Outcome[] = [];
    for (const leaf of stringLeaves(r)) {
      if (coveredElsewhere(r, leaf.path)) continue;
      const found = foreignProjects(ctx, env, leaf.value, PROJECT_PATH);
      if (found.length > 0) out.push(fail(`${r.address} refers to project ${describe(found)}.`, leaf.path));
    }
    out.push(...outsideUnknowns(ctx.model, r, (p) => !coveredElsewhere(r, p), "The value"));
    return out;
  },
});
