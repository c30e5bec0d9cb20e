package planguard.iam.aws.iam_access_key_test

import data.planguard.iam.aws.iam_access_key as policy

key(after, unknown) := {"aws_iam_access_key": [{
	"address": "aws_iam_access_key.ci",
	"config_address": "aws_iam_access_key.ci",
	"type": "aws_iam_access_key",
	"after": after,
	"unknown_paths": unknown,
}]}

test_plaintext_key_is_denied_high if {
	findings := policy.deny with data.planguard.resources_by_type as key({"user": "ci", "status": "Active", "pgp_key": null}, ["secret", "id"])
	count(findings) == 1
	some f in findings
	f.resource == "aws_iam_access_key.ci"
	f.attribute == "pgp_key"
	f.severity == "high"
}

test_encrypted_key_is_still_reported if {
	findings := policy.deny with data.planguard.resources_by_type as key({"user": "ci", "status": "Active", "pgp_key": "keybase:ci-bot"}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "user"
	not f.severity
}

test_inactive_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as key({"user": "ci", "status": "Inactive"}, [])
}

test_unknown_pgp_key_is_not_called_plaintext if {
	findings := policy.deny with data.planguard.resources_by_type as key({"user": "ci", "status": "Active"}, ["pgp_key"])
	every f in findings {
		f.attribute == "user"
	}
}

test_unknown_status_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as key({"user": "ci"}, ["status"])
}
