package planguard.iam.aws.password_policy_reuse_test

import data.planguard.iam.aws.password_policy_reuse as policy

pp(after, unknown) := {"aws_iam_account_password_policy": [{
	"address": "aws_iam_account_password_policy.strict",
	"config_address": "aws_iam_account_password_policy.strict",
	"type": "aws_iam_account_password_policy",
	"after": after,
	"unknown_paths": unknown,
}]}

test_low_reuse_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as pp({"password_reuse_prevention": 5}, [])
	some f in findings
	f.attribute == "password_reuse_prevention"
}

test_24_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as pp({"password_reuse_prevention": 24}, [])
}

test_unset_computed_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as pp({"minimum_password_length": 14}, ["password_reuse_prevention"])
}
