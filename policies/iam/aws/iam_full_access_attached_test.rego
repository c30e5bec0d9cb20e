package planguard.iam.aws.iam_full_access_attached_test

import data.planguard.iam.aws.iam_full_access_attached as policy

attachment(arn, unknown) := {"aws_iam_user_policy_attachment": [{
	"address": "aws_iam_user_policy_attachment.ci",
	"type": "aws_iam_user_policy_attachment",
	"after": {"user": "ci", "policy_arn": arn},
	"unknown_paths": unknown,
}]}

test_iam_full_access_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as attachment("arn:aws:iam::aws:policy/IAMFullAccess", [])
	some f in findings
	f.resource == "aws_iam_user_policy_attachment.ci"
	f.attribute == "policy_arn"
	f.aliases == ["CKV2_AWS_56"]
}

test_role_managed_policy_arns_are_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as {"aws_iam_role": [{
		"address": "aws_iam_role.ops", "type": "aws_iam_role",
		"after": {"managed_policy_arns": ["arn:aws-cn:iam::aws:policy/IAMFullAccess"]},
		"unknown_paths": [],
	}]}
}

test_other_managed_policy_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as attachment("arn:aws:iam::aws:policy/IAMReadOnlyAccess", [])
}

# A customer policy with the same name is not the AWS-managed one.
test_customer_policy_named_alike_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as attachment("arn:aws:iam::111122223333:policy/IAMFullAccess", [])
}

test_arn_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as attachment(null, ["policy_arn"])
}

# Checkov's CKV2_AWS_56 does not read exclusive attachment sets.
test_exclusive_attachments_are_denied_without_checkov if {
	findings := policy.deny with data.planguard.resources_by_type as {"aws_iam_role_policy_attachments_exclusive": [{
		"address": "aws_iam_role_policy_attachments_exclusive.ops", "type": "aws_iam_role_policy_attachments_exclusive",
		"after": {"role_name": "ops", "policy_arns": ["arn:aws:iam::aws:policy/IAMFullAccess"]},
		"unknown_paths": [],
	}]}
	count(findings) == 1
	some f in findings
	f.aliases == []
}
