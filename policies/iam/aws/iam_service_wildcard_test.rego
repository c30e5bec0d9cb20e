package planguard.iam.aws.iam_service_wildcard_test

import data.planguard.iam.aws.iam_service_wildcard as policy

pol(t, document, unknown) := {t: [{
	"address": sprintf("%s.p", [t]),
	"config_address": sprintf("%s.p", [t]),
	"type": t,
	"after": {"policy": json.marshal(document)},
	"unknown_paths": unknown,
}]}

test_iam_star_on_star_is_denied if {
	doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}
	findings := policy.deny with data.planguard.resources_by_type as pol("aws_iam_policy", doc, [])
	count(findings) == 1
	some f in findings
	f.resource == "aws_iam_policy.p"
	f.attribute == "policy"
	f.aliases == ["CKV2_AWS_40"]
}

test_s3_star_in_action_list_is_denied if {
	doc := {"Statement": {"Effect": "Allow", "Action": ["s3:GetObject", "S3:*"], "Resource": ["*"]}}
	count(policy.deny) == 1 with data.planguard.resources_by_type as pol("aws_iam_role_policy", doc, [])
}

test_scoped_resource_passes if {
	doc := {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::datasets", "arn:aws:s3:::datasets/*"]}]}
	count(policy.deny) == 0 with data.planguard.resources_by_type as pol("aws_iam_policy", doc, [])
}

test_specific_actions_pass if {
	doc := {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"}]}
	count(policy.deny) == 0 with data.planguard.resources_by_type as pol("aws_iam_policy", doc, [])
}

test_condition_passes if {
	doc := {"Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}
	count(policy.deny) == 0 with data.planguard.resources_by_type as pol("aws_iam_policy", doc, [])
}

test_s3_star_finding_does_not_name_the_iam_check if {
	doc := {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
	findings := policy.deny with data.planguard.resources_by_type as pol("aws_iam_policy", doc, [])
	count(findings) == 1
	some f in findings
	not f.aliases
}

# Full control of the ml-* roles: rewrite their trust, attach AdministratorAccess, assume them.
test_iam_star_on_some_roles_is_denied if {
	doc := {"Statement": [{"Effect": "Allow", "Action": ["iam:*"], "Resource": "arn:aws:iam::111122223333:role/ml-*"}]}
	findings := policy.deny with data.planguard.resources_by_type as pol("aws_iam_role_policy", doc, [])
	count(findings) == 1
	some f in findings
	contains(f.msg, "iam:* on arn:aws:iam::111122223333:role/ml-*")
	f.aliases == ["CKV2_AWS_40"]
}

test_iam_star_with_a_condition_is_denied if {
	doc := {"Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
	count(policy.deny) == 1 with data.planguard.resources_by_type as pol("aws_iam_policy", doc, [])
}

# The check compares "iam:*" exactly: the finding for "IAM:*" does not name it.
test_iam_star_in_capitals_is_denied_without_the_check if {
	doc := {"Statement": [{"Effect": "Allow", "Action": "IAM:*", "NotResource": "arn:aws:iam::111122223333:role/admin"}]}
	findings := policy.deny with data.planguard.resources_by_type as pol("aws_iam_user_policy", doc, [])
	count(findings) == 1
	some f in findings
	contains(f.msg, "every resource but those its NotResource names")
	not f.aliases
}

test_permission_set_inline_policy_is_denied if {
	doc := {"Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}
	findings := policy.deny with data.planguard.resources_by_type as {"aws_ssoadmin_permission_set_inline_policy": [{
		"address": "aws_ssoadmin_permission_set_inline_policy.ml",
		"config_address": "aws_ssoadmin_permission_set_inline_policy.ml",
		"type": "aws_ssoadmin_permission_set_inline_policy",
		"after": {"inline_policy": json.marshal(doc)},
		"unknown_paths": [],
	}]}
	count(findings) == 1
	some f in findings
	f.attribute == "inline_policy"
}

test_permission_set_inline_policy_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_ssoadmin_permission_set_inline_policy": [{
		"address": "aws_ssoadmin_permission_set_inline_policy.ml",
		"config_address": "aws_ssoadmin_permission_set_inline_policy.ml",
		"type": "aws_ssoadmin_permission_set_inline_policy",
		"after": {}, "unknown_paths": ["inline_policy"],
	}]}
}

test_deny_statement_passes if {
	doc := {"Statement": [{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}
	count(policy.deny) == 0 with data.planguard.resources_by_type as pol("aws_iam_policy", doc, [])
}

test_full_wildcard_is_left_to_iam_001 if {
	doc := {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
	count(policy.deny) == 0 with data.planguard.resources_by_type as pol("aws_iam_policy", doc, [])
}

test_unknown_policy_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_iam_policy": [{
		"address": "aws_iam_policy.p", "config_address": "aws_iam_policy.p", "type": "aws_iam_policy",
		"after": {}, "unknown_paths": ["policy"],
	}]}
}
