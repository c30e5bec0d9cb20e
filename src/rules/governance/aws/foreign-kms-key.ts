import { fail, resourceRule, type Outcome } from "../../../policy/rule.js";
import { currentEnvironment, environmentKnown, outsideUnknowns, stringLeaves } from "../common.js";
import { KMS_PATH, accountsIn, describe, foreignAccounts } from "../environment-aws.js";

export const awsForeignKmsKey = resourceRule({
  id: "PG-AWS-GOV-002",
  title: "Resource encrypted with another environment's KMS key",
  description:
    "A KMS key ARN from another environment's account ties this environment's data to keys it does not own: the other environment's administrators can read or destroy it, and rotating or deleting the key there breaks this one.",
  severity: "high",
  category: "governance",
  providers: ["aws"],
  resourceTypes: [],
  resourceTypePattern: /^aws_/,
  remediation: "Use a customer-managed key created in this environment's account.",
  runsWhen: environmentKnown,
  check(r, ctx) {
    const env = currentEnvironment(ctx);
    if (!env) return;
    const out: Outcome[] = [];
    for (const leaf of stringLeaves(r)) {
      if (!KMS_PATH.test(leaf.path)) continue;
      const found = foreignAccounts(ctx, env, accountsIn(leaf.value));
      if (found.length > 0) out.push(fail(`${r.address} uses a KMS key of account ${describe(found)}.`, leaf.path));
    }
    out.push(...outsideUnknowns(ctx.model, r, (p) => KMS_PATH.test(p), "The KMS key"));
    return out;
  },
});
