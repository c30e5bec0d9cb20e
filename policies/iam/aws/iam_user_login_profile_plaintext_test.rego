package planguard.iam.aws.iam_user_login_profile_plaintext_test

import data.planguard.iam.aws.iam_user_login_profile_plaintext as policy

profile(after, unknown) := {"aws_iam_user_login_profile": [{
	"address": "aws_iam_user_login_profile.analyst",
	"config_address": "aws_iam_user_login_profile.analyst",
	"type": "aws_iam_user_login_profile",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_pgp_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as profile({"user": "analyst", "pgp_key": null}, ["password"])
	some f in findings
	f.resource == "aws_iam_user_login_profile.analyst"
	f.attribute == "pgp_key"
}

test_pgp_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as profile({"user": "analyst", "pgp_key": "keybase:analyst"}, ["encrypted_password"])
}

test_unknown_pgp_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as profile({"user": "analyst"}, ["pgp_key"])
}
