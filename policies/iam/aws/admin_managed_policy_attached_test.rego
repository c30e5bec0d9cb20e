package planguard.iam.aws.admin_managed_policy_attached_test

import data.planguard.iam.aws.admin_managed_policy_attached as policy

attachment(arn, unknown) := {"aws_iam_role_policy_attachment": [{
	"address": "aws_iam_role_policy_attachment.trainer_admin",
	"config_address": "aws_iam_role_policy_attachment.trainer_admin",
	"type": "aws_iam_role_policy_attachment",
	"after": {"role": "trainer", "policy_arn": arn},
	"unknown_paths": unknown,
}]}

test_administrator_access_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as attachment("arn:aws:iam::aws:policy/AdministratorAccess", [])
	some f in findings
	f.resource == "aws_iam_role_policy_attachment.trainer_admin"
	f.attribute == "policy_arn"
	f.aliases == ["CKV_AWS_274"]
}

# Checkov's CKV_AWS_274 wants the standard partition's ARN exactly.
test_govcloud_partition_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as attachment("arn:aws-us-gov:iam::aws:policy/AdministratorAccess", [])
	count(findings) == 1
	some f in findings
	f.aliases == []
}

test_managed_policy_arns_on_role_are_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"aws_iam_role": [{
		"address": "aws_iam_role.ci", "config_address": "aws_iam_role.ci", "type": "aws_iam_role",
		"after": {"managed_policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"]},
		"unknown_paths": [],
	}]}
	count(findings) == 1
	some f in findings
	f.aliases == ["CKV_AWS_274"]
}

# Checkov does not read exclusive attachment sets.
test_exclusive_attachments_are_denied_without_checkov if {
	findings := policy.deny with data.planguard.resources_by_type as {"aws_iam_role_policy_attachments_exclusive": [{
		"address": "aws_iam_role_policy_attachments_exclusive.ci", "config_address": "aws_iam_role_policy_attachments_exclusive.ci",
		"type": "aws_iam_role_policy_attachments_exclusive",
		"after": {"role_name": "ci", "policy_arns": ["arn:aws:iam::aws:policy/AdministratorAccess"]},
		"unknown_paths": [],
	}]}
	count(findings) == 1
	some f in findings
	f.aliases == []
}

test_other_managed_policy_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as attachment("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess", [])
}

test_customer_policy_named_like_admin_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as attachment("arn:aws:iam::111122223333:policy/AdministratorAccess", [])
}

test_unknown_arn_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as attachment(null, ["policy_arn"])
}
