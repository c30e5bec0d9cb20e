# METADATA
# title: AWS-managed AdministratorAccess policy is attached
# description: >-
#   Attaching `arn:aws:iam::aws:policy/AdministratorAccess` to a role, user or
#   group grants every action on every resource. Training jobs, notebooks and
#   CI roles that carry it turn any leaked credential into full control of
#   the account.
#   Checkov's CKV_AWS_274 is named on the findings it also raises.
# custom:
#   id: PG-AWS-IAM-102
#   severity: high
#   category: iam
#   providers: [aws]
#   resource_types: [aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_role, aws_iam_role_policy_attachments_exclusive]
#   aliases: []
#   narrower: [CKV_AWS_274]
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "1.16"
#   remediation: >-
#     Attach a policy that lists the actions and resources the principal
#     needs; keep administrator access for break-glass roles assumed through SSO.
package planguard.iam.aws.admin_managed_policy_attached

import data.planguard.lib

attachment_types := ["aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"]

deny contains finding if {
	some t in attachment_types
	some r in data.planguard.resources_by_type[t]
	not lib.is_unknown(r, ["policy_arn"])
	admin(r.after.policy_arn)
	finding := {
		"msg": sprintf("%s attaches the AWS-managed AdministratorAccess policy.", [r.address]),
		"resource": r.address,
		"attribute": "policy_arn",
		"aliases": checkov_ids(t, r.after.policy_arn),
	}
}

# Policy ARN lists on the role itself (deprecated managed_policy_arns) or an exclusive attachment set.
list_attributes := {"aws_iam_role": "managed_policy_arns", "aws_iam_role_policy_attachments_exclusive": "policy_arns"}

deny contains finding if {
	some t, attribute in list_attributes
	some r in data.planguard.resources_by_type[t]
	some arn in object.get(r.after, attribute, [])
	admin(arn)
	finding := {
		"msg": sprintf("%s attaches the AWS-managed AdministratorAccess policy.", [r.address]),
		"resource": r.address,
		"attribute": attribute,
		"aliases": checkov_ids(t, arn),
	}
}

admin(arn) if {
	is_string(arn)
	regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`, arn)
}

# Checkov's CKV_AWS_274 wants the standard partition's ARN exactly (not
# aws-cn or aws-us-gov) and does not read aws_iam_role_policy_attachments_exclusive.
checkov_ids(t, arn) := ["CKV_AWS_274"] if {
	t != "aws_iam_role_policy_attachments_exclusive"
	arn == "arn:aws:iam::aws:policy/AdministratorAccess"
} else := []
