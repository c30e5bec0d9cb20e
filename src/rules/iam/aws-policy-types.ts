/** AWS identity policies, attached to roles, users and groups: the types whose `policy` the IAM document rules judge. */
export const IDENTITY_POLICY_TYPES = [
  "aws_iam_policy",
  "aws_iam_role_policy",
  "aws_iam_user_policy",
  "aws_iam_group_policy",
];

/** A permission set's inline policy (IAM Identity Center): it grants what an identity policy grants, to people who sign in. */
const PERMISSION_SET_INLINE_POLICY = "aws_ssoadmin_permission_set_inline_policy";

/** The identity policies and permission sets' inline policies: every document that grants permissions to a principal. */
export const PERMISSION_POLICY_TYPES = [...IDENTITY_POLICY_TYPES, PERMISSION_SET_INLINE_POLICY];

/** The attribute that holds a permission policy's document (`inline_policy` for a permission set's, else `policy`). */
export function permissionDocumentAttribute(type: string): "policy" | "inline_policy" {
  return type === PERMISSION_SET_INLINE_POLICY ? "inline_policy" : "policy";
}
