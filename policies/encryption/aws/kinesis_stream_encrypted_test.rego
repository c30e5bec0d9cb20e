package planguard.encryption.aws.kinesis_stream_encrypted_test

import data.planguard.encryption.aws.kinesis_stream_encrypted as policy

stream(after, unknown) := {"aws_kinesis_stream": [{
	"address": "aws_kinesis_stream.events",
	"config_address": "aws_kinesis_stream.events",
	"type": "aws_kinesis_stream",
	"after": after,
	"unknown_paths": unknown,
}]}

test_none_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as stream({"encryption_type": "NONE"}, [])
	some f in findings
	f.attribute == "encryption_type"
	f.resource == "aws_kinesis_stream.events"
}

test_kms_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as stream({"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as stream({}, ["encryption_type"])
}
