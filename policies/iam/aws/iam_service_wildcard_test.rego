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
