package planguard.encryption.aws.ebs_encryption_by_default_test

import data.planguard.encryption.aws.ebs_encryption_by_default as policy

setting(after, unknown) := {"aws_ebs_encryption_by_default": [{
	"address": "aws_ebs_encryption_by_default.this",
	"config_address": "aws_ebs_encryption_by_default.this",
	"type": "aws_ebs_encryption_by_default",
	"after": after,
	"unknown_paths": unknown,
}]}

test_disabled_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as setting({"enabled": false}, [])
	some f in findings
	f.resource == "aws_ebs_encryption_by_default.this"
	f.attribute == "enabled"
}

test_enabled_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as setting({"enabled": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as setting({}, ["enabled"])
}
