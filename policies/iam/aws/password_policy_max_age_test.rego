package planguard.iam.aws.password_policy_max_age_test

import data.planguard.iam.aws.password_policy_max_age as policy

pp(after, extra) := {"aws_iam_account_password_policy": [object.union({
	"address": "aws_iam_account_password_policy.strict",
	"type": "aws_iam_account_password_policy",
	"after": after,
	"unknown_paths": [],
}, extra)]}

test_long_age_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as pp({"max_password_age": 365}, {})
	some f in findings
	f.attribute == "max_password_age"
	contains(f.msg, "365")
}

test_ninety_days_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as pp({"max_password_age": 90}, {})
}

# Left out, the provider computes it: 0, passwords never expire. Not reported (see the description).
test_left_out_passes if {
	p := pp({"minimum_password_length": 14}, {
		"after_unknown": {"max_password_age": true},
		"expressions": {"minimum_password_length": {"constant_value": 14}},
	})
	count(policy.deny) == 0 with data.planguard.resources_by_type as p
}

test_set_but_unknown_is_not_denied if {
	p := pp({}, {"after_unknown": {"max_password_age": true}, "expressions": {"max_password_age": {"references": ["var.max_age"]}}})
	count(policy.deny) == 0 with data.planguard.resources_by_type as p
}
