import { fail, resourceRule, type Outcome } from "../../../policy/rule.js";
import { currentEnvironment, environmentKnown, outsideUnknowns, stringLeaves } from "../common.js";
import { GCP, KMS_PATH, PROJECT_PATH, describe, foreignProjects } from "../environment-gcp.js";

export const gcpForeignKmsKey = resourceRule({
  id: "PG-GCP-GOV-004",
  title: "Resource encrypted with another environment's Cloud KMS key",
  description:
    "A Cloud KMS key of another environment's project puts this environment's data under keys that environment controls and can disable.",
  severity: "high",
  category: "governance",
  providers: ["google"],
  resourceTypes: [],
  resourceTypePattern: GCP,
  remediation: "Use a key ring and key in this environment's project.",
  runsWhen: environmentKnown,
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const out: Outcome[] = [];
    for (const leaf of stringLeaves(r)) {
      if (!KMS_PATH.test(leaf.path) || !leaf.value.includes("cryptoKeys/")) continue;
      const found = foreignProjects(ctx, env, leaf.value, PROJECT_PATH);
      if (found.length > 0)
        out.push(fail(`${r.address} uses a Cloud KMS key of project ${describe(found)}.`, leaf.path));
    }
    out.push(...outsideUnknowns(ctx.model, r, (p) => KMS_PATH.test(p), "The Cloud KMS key"));
    return out;
  },
});
