package planguard.encryption.aws.kms_key_rotation_test

import data.planguard.encryption.aws.kms_key_rotation as policy

key(after, unknown) := {"aws_kms_key": [{
	"address": "aws_kms_key.datasets",
	"config_address": "aws_kms_key.datasets",
	"type": "aws_kms_key",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_rotation_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as key({"enable_key_rotation": false, "customer_master_key_spec": "SYMMETRIC_DEFAULT", "key_usage": "ENCRYPT_DECRYPT"}, [])
	some f in findings
	f.resource == "aws_kms_key.datasets"
	f.attribute == "enable_key_rotation"
}

test_rotation_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as key({"enable_key_rotation": true, "customer_master_key_spec": "SYMMETRIC_DEFAULT"}, [])
}

test_asymmetric_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as key({"enable_key_rotation": false, "customer_master_key_spec": "RSA_2048", "key_usage": "SIGN_VERIFY"}, [])
}

test_hmac_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as key({"enable_key_rotation": false, "customer_master_key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as key({"customer_master_key_spec": "SYMMETRIC_DEFAULT"}, ["enable_key_rotation"])
}
