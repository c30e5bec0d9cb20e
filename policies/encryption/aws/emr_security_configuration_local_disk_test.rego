package planguard.encryption.aws.emr_security_configuration_local_disk_test

import data.planguard.encryption.aws.emr_security_configuration_local_disk as policy
import data.planguard.lib.test as t

address := "aws_emr_security_configuration.etl"

findings(doc) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, {"name": "etl", "configuration": json.marshal(doc)}, [])
}

local_disk(block) := {"EncryptionConfiguration": {
	"EnableAtRestEncryption": true,
	"EnableInTransitEncryption": true,
	"AtRestEncryptionConfiguration": {
		"S3EncryptionConfiguration": {"EncryptionMode": "SSE-S3"},
		"LocalDiskEncryptionConfiguration": block,
	},
}}

test_empty_key_provider_is_denied if {
	t.assert_denied(findings(local_disk({"EncryptionKeyProviderType": "", "AwsKmsKey": ""})), address, "configuration")
}

test_kms_key_provider_passes if {
	t.assert_passes(findings(local_disk({"EncryptionKeyProviderType": "AwsKms", "AwsKmsKey": "arn:aws:kms:us-east-1:111122223333:key/abcd"})), address)
}

# Without the block the document says nothing about local disks: not judged.
test_block_left_out_is_not_denied if {
	t.assert_passes(findings({"EncryptionConfiguration": {"EnableAtRestEncryption": false, "EnableInTransitEncryption": false}}), address)
}

test_configuration_known_after_apply_is_not_denied if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as t.one_resource(address, {"name": "etl"}, ["configuration"])
}
