import type { Resource } from "../../../plan/model.js";
import { fail, resourceRule, type Outcome } from "../../../policy/rule.js";
import { currentEnvironment, environmentKnown, outsideUnknowns, stringLeaves } from "../common.js";
import {
  KMS_PATH,
  POLICY_PRINCIPAL_TYPES,
  SHARING,
  accountsIn,
  describe,
  foreignAccounts,
} from "../environment-aws.js";

/** Paths the other AWS environment rules (PG-AWS-GOV-002 to -005) judge with a better message. */
function coveredElsewhere(r: Resource, path: string): boolean {
  if (KMS_PATH.test(path)) return true;
  if (r.type === "aws_iam_role" && path === "assume_role_policy") return true;
  if (POLICY_PRINCIPAL_TYPES.includes(r.type) && path === "policy") return true;
  return SHARING[r.type] === path;
}

export const awsForeignArn = resourceRule({
  id: "PG-AWS-GOV-006",
  title: "Resource refers to an ARN in another environment's account",
  description:
    "An ARN of another environment's account in a resource argument (a role, a bucket, a topic, a log destination) makes this environment depend on, or write into, the other one.",
  severity: "medium",
  category: "governance",
  providers: ["aws"],
  resourceTypes: [],
  resourceTypePattern: /^aws_/,
  remediation:
    "Refer to this environment's own resources; share data between environments through an explicit, reviewed export.",
  runsWhen: environmentKnown,
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const out: Outcome[] = [];
    for (const leaf of stringLeaves(r)) {
      if (coveredElsewhere(r, leaf.path)) continue;
      const found = foreignAccounts(ctx, env, accountsIn(leaf.value));
      if (found.length > 0) out.push(fail(`${r.address} refers to an ARN of account ${describe(found)}.`, leaf.path));
    }
    out.push(...outsideUnknowns(ctx.model, r, (p) => !coveredElsewhere(r, p), "The value"));
    return out;
  },
});
