package planguard.encryption.aws.efs_encrypted_test

import data.planguard.encryption.aws.efs_encrypted as policy

fs(after, unknown) := {"aws_efs_file_system": [{
	"address": "aws_efs_file_system.datasets",
	"config_address": "aws_efs_file_system.datasets",
	"type": "aws_efs_file_system",
	"after": after,
	"unknown_paths": unknown,
}]}

test_unencrypted_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as fs({"encrypted": false}, [])
	some f in findings
	f.resource == "aws_efs_file_system.datasets"
	f.attribute == "encrypted"
}

test_encrypted_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fs({"encrypted": true}, [])
}

test_unknown_until_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fs({}, ["encrypted"])
}
