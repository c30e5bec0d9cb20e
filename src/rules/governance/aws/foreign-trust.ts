import { policyPrincipalRule } from "../environment-aws.js";

export const awsForeignTrust = policyPrincipalRule(
  "PG-AWS-GOV-003",
  "IAM role trusts a principal of another environment",
  "An IAM role whose trust policy lets another environment's account assume it joins the two environments: whoever controls dev can act in prod.",
  ["aws_iam_role"],
  "assume_role_policy",
  "trusts",
);
