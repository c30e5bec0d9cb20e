package planguard.iam.aws.password_policy_character_classes_test

import data.planguard.iam.aws.password_policy_character_classes as policy

all_classes := {"require_lowercase_characters": true, "require_uppercase_characters": true, "require_numbers": true, "require_symbols": true}

pp(after, extra) := {"aws_iam_account_password_policy": [object.union({
	"address": "aws_iam_account_password_policy.strict",
	"type": "aws_iam_account_password_policy",
	"after": after,
	"unknown_paths": [],
}, extra)]}

test_missing_symbols_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as pp(object.union(all_classes, {"require_symbols": false}), {})
	count(findings) == 1
	some f in findings
	f.attribute == "require_symbols"
	contains(f.msg, "require_symbols")
	not contains(f.msg, "require_numbers")
	# Only the symbol checks would also fail this policy.
	f.aliases == ["AVD-AWS-0060", "CKV_AWS_14"]
}

# Left out, the provider computes the four requirements; each defaults to false.
test_left_out_is_denied if {
	p := pp({"minimum_password_length": 14}, {
		"after_unknown": {"require_lowercase_characters": true, "require_uppercase_characters": true, "require_numbers": true, "require_symbols": true},
		"expressions": {"minimum_password_length": {"constant_value": 14}},
	})
	findings := policy.deny with data.planguard.resources_by_type as p
	some f in findings
	contains(f.msg, "require_lowercase_characters, require_uppercase_characters, require_numbers, require_symbols")
	count(f.aliases) == 8
}

test_every_class_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as pp(all_classes, {})
}

test_set_but_unknown_is_not_denied if {
	p := pp({"require_lowercase_characters": true, "require_uppercase_characters": true, "require_numbers": true}, {
		"after_unknown": {"require_symbols": true},
		"expressions": {"require_symbols": {"references": ["var.symbols"]}},
	})
	count(policy.deny) == 0 with data.planguard.resources_by_type as p
}
