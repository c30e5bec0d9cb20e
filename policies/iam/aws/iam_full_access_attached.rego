# METADATA
# title: AWS-managed IAMFullAccess policy is attached
# description: >-
#   `arn:aws:iam::aws:policy/IAMFullAccess` allows every IAM action: whoever
#   holds it can create users and access keys, attach AdministratorAccess to
#   themselves and so take over the account. A training, notebook or CI role
#   carrying it is an administrator in all but name.
#   Checkov's CKV2_AWS_56 is named on the findings of the types it reads.
# custom:
#   id: PG-AWS-IAM-108
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_role, aws_iam_role_policy_attachments_exclusive]
#   aliases: []
#   narrower: [CKV2_AWS_56]
#   remediation: >-
#     Attach a policy with the few IAM actions the principal needs (for
#     example iam:PassRole on named roles), scoped to named resources.
package planguard.iam.aws.iam_full_access_attached

import data.planguard.lib

attachment_types := ["aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"]

deny contains finding if {
	some t in attachment_types
	some r in data.planguard.resources_by_type[t]
	not lib.is_unknown(r, ["policy_arn"])
	iam_full_access(r.after.policy_arn)
	finding := {
		"msg": sprintf("%s attaches the AWS-managed IAMFullAccess policy.", [r.address]),
		"resource": r.address,
		"attribute": "policy_arn",
		"aliases": checkov_ids(t),
	}
}

# Policy ARN lists on the role itself (deprecated managed_policy_arns) or an exclusive attachment set.
list_attributes := {"aws_iam_role": "managed_policy_arns", "aws_iam_role_policy_attachments_exclusive": "policy_arns"}

deny contains finding if {
	some t, attribute in list_attributes
	some r in data.planguard.resources_by_type[t]
	some arn in object.get(r.after, attribute, [])
	iam_full_access(arn)
	finding := {
		"msg": sprintf("%s attaches the AWS-managed IAMFullAccess policy.", [r.address]),
		"resource": r.address,
		"attribute": attribute,
		"aliases": checkov_ids(t),
	}
}

iam_full_access(arn) if {
	is_string(arn)
	regex.match(`^arn:aws[a-z-]*:iam::aws:policy/IAMFullAccess$`, arn)
}

# Checkov's CKV2_AWS_56 fails any ARN containing "IAMFullAccess" on the
# attachment resources and a role's managed_policy_arns, but does not read
# aws_iam_role_policy_attachments_exclusive.
checkov_ids(t) := [] if t == "aws_iam_role_policy_attachments_exclusive"

checkov_ids(t) := ["CKV2_AWS_56"] if t != "aws_iam_role_policy_attachments_exclusive"
