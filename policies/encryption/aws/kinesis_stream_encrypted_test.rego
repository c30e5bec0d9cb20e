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

test_none_is_named_as_a_checkov_finding if {
	findings := policy.deny with data.planguard.resources_by_type as stream({"encryption_type": "NONE"}, [])
	some f in findings
	f.aliases == ["CKV_AWS_43"]
}

# Encryption type left out: the provider's default, NONE.
test_left_out_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as stream({"name": "events"}, [])
	some f in findings
	f.attribute == "encryption_type"
}

# Trivy's AVD-AWS-0064 also fails KMS without a key; CKV_AWS_43 does not.
test_kms_without_a_key_is_denied_without_the_checkov_alias if {
	findings := policy.deny with data.planguard.resources_by_type as stream({"encryption_type": "KMS", "kms_key_id": null}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "kms_key_id"
	not f.aliases
}

test_kms_key_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as stream({"encryption_type": "KMS"}, ["kms_key_id"])
}
