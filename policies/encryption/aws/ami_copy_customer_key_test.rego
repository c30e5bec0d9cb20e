package planguard.encryption.aws.ami_copy_customer_key_test

import data.planguard.encryption.aws.ami_copy_customer_key as policy

copy(after, unknown) := {"aws_ami_copy": [{
	"address": "aws_ami_copy.trainer",
	"config_address": "aws_ami_copy.trainer",
	"type": "aws_ami_copy",
	"after": object.union({"name": "trainer", "source_ami_id": "ami-0123", "source_ami_region": "us-east-1"}, after),
	"unknown_paths": unknown,
}]}

test_unencrypted_copy_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as copy({"encrypted": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "encrypted"
}

test_left_out_encryption_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as copy({}, [])
}

test_aws_managed_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as copy({"encrypted": true}, [])
	some f in findings
	f.attribute == "kms_key_id"
}

test_customer_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as copy({"encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1234"}, [])
}

test_key_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as copy({"encrypted": true}, ["kms_key_id"])
	count(policy.deny) == 0 with data.planguard.resources_by_type as copy({}, ["encrypted"])
}
