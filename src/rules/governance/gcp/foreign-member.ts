import { fail, resourceRule, unknown } from "../../../policy/rule.js";
import { readAttribute } from "../../read.js";
import { currentEnvironment, environmentKnown } from "../common.js";
import { MEMBER_TYPES, describe, foreignProjects } from "../environment-gcp.js";

const SERVICE_ACCOUNT_PROJECT = /@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com/g;

export const gcpForeignMember = resourceRule({
  id: "PG-GCP-GOV-003",
  title: "IAM grant to a service account of another environment",
  description:
    "An IAM member, binding or policy that grants a role to a service account of another environment's project lets that environment's workloads act in this one.",
  severity: "high",
  category: "governance",
  providers: ["google"],
  resourceTypes: [],
  resourceTypePattern: MEMBER_TYPES,
  remediation:
    "Grant roles to this environment's service accounts; give cross-environment access through a reviewed data export instead.",
  runsWhen: environmentKnown,
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const attribute = r.type.endsWith("_member") ? "member" : r.type.endsWith("_binding") ? "members" : "policy_data";
    const v = readAttribute(ctx.model, r, attribute);
    if (v.state === "unknown")
      return v.configured
        ? unknown(`The ${attribute} of ${r.address} is known only after apply.`, attribute)
        : undefined;
    if (v.state !== "known") return;
    const text = typeof v.value === "string" ? v.value : JSON.stringify(v.value);
    const found = foreignProjects(ctx, env, text, SERVICE_ACCOUNT_PROJECT);
    if (found.length > 0)
      return fail(`${r.address} grants a role to service accounts of project ${describe(found)}.`, attribute);
  },
});
