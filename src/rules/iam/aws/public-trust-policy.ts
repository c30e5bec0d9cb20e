import { internetThreshold } from "../../address-space.js";
import { fail, resourceRule } from "../../../policy/rule.js";
import { judgeDocument } from "../judge-document.js";
import { publicGrants } from "../principals.js";
import { trustPolicyChecksFailing } from "../aws-narrower-checks.js";

export const publicTrustPolicy = resourceRule({
  id: "PG-AWS-IAM-004",
  title: "Role can be assumed by anyone",
  description:
    'An assume-role policy that trusts Principal "*" lets any AWS account assume the role and use its permissions, unless a Condition binds the caller to an account, organization or principal (aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn ...). sts:ExternalId alone does not: AWS documents the external ID as not a secret, and whoever learns it can assume the role.',
  severity: "critical",
  category: "iam",
  providers: ["aws"],
  resourceTypes: ["aws_iam_role"],
  aliases: [],
  // CKV_AWS_60 reads only AWS "*" principals: a finding names it when the check fails the role on that statement.
  narrower: ["CKV_AWS_60"],
  remediation:
    'Trust specific accounts, roles or services (sagemaker.amazonaws.com), or bind Principal "*" to your organization with an aws:PrincipalOrgID condition; add sts:ExternalId for a vendor on top of naming its account.',
  check: (r, { config, model }) =>
    judgeDocument(r, model, "assume_role_policy", (statements) =>
      publicGrants(statements, internetThreshold(config)).map((grant) => {
        const outcome = fail(
          `${r.address} can be assumed by ${grant.via === "principal" ? "any principal" : "any principal but those its NotPrincipal names"} (statement ${grant.statement.index}).`,
          "assume_role_policy",
        );
        const aliases = trustPolicyChecksFailing(statements, grant);
        return aliases.length > 0 ? { ...outcome, aliases } : outcome;
      }),
    ),
});
