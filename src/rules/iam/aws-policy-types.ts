/** AWS identity policies, attached to roles, users and groups: the types whose `policy` the IAM document rules judge. */
export const IDENTITY_POLICY_TYPES = [
  "aws_iam_policy",
  "aws_iam_role_policy",
  "aws_iam_user_policy",
  "aws_iam_group_policy",
];
