package planguard.iam.aws.password_policy_min_length_test

import data.planguard.iam.aws.password_policy_min_length as policy

pp(after, unknown) := {"aws_iam_account_password_policy": [{
	"address": "aws_iam_account_password_policy.strict",
	"config_address": "aws_iam_account_password_policy.strict",
	"type": "aws_iam_account_password_policy",
	"after": after,
	"unknown_paths": unknown,
}]}

test_short_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as pp({"minimum_password_length": 8}, [])
	some f in findings
	f.resource == "aws_iam_account_password_policy.strict"
	f.attribute == "minimum_password_length"
}

test_unset_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as pp({"minimum_password_length": null}, [])
}

test_fourteen_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as pp({"minimum_password_length": 14}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as pp({}, ["minimum_password_length"])
}
