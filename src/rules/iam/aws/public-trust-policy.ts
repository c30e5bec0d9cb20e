import { fail, resourceRule } from "../../../policy/rule.js";
import { judgeDocument } from "../judge-document.js";
import { publicAllowStatements } from "../principals.js";

export const publicTrustPolicy = resourceRule({
  id: "PG-AWS-IAM-004",
  title: "Role can be assumed by anyone",
  description:
    'An assume-role policy that trusts Principal "*" without a condition lets any AWS account assume the role and use its permissions.',
  severity: "critical",
  category: "iam",
  providers: ["aws"],
  resourceTypes: ["aws_iam_role"],
  aliases: [],
  related: ["CKV_AWS_60"],
  remediation:
    "Trust specific accounts, roles or services (sagemaker.amazonaws.com), or add an sts:ExternalId / aws:PrincipalOrgID condition.",
  check: (r, { model }) =>
    judgeDocument(r, model, "assume_role_policy", (statements) =>
      publicAllowStatements(statements).map((s) =>
        fail(`${r.address} can be assumed by any principal (statement ${s.index}).`, "assume_role_policy"),
      ),
    ),
});
