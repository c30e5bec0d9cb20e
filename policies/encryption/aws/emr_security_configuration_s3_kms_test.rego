package planguard.encryption.aws.emr_security_configuration_s3_kms_test

import data.planguard.encryption.aws.emr_security_configuration_s3_kms as policy
import data.planguard.lib.test as t

address := "aws_emr_security_configuration.etl"

findings(doc) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, {"name": "etl", "configuration": json.marshal(doc)}, [])
}

at_rest(s3) := {"EncryptionConfiguration": {
	"EnableAtRestEncryption": true,
	"EnableInTransitEncryption": false,
	"AtRestEncryptionConfiguration": {"S3EncryptionConfiguration": s3},
}}

test_sse_kms_passes if {
	t.assert_passes(findings(at_rest({"EncryptionMode": "SSE-KMS", "AwsKmsKey": "arn:aws:kms:us-east-1:111122223333:key/abcd"})), address)
}

test_other_modes_are_denied if {
	t.assert_denied(findings(at_rest({"EncryptionMode": "SSE-S3"})), address, "configuration")
	t.assert_denied(findings(at_rest({"EncryptionMode": "CSE-KMS", "AwsKmsKey": "arn:aws:kms:us-east-1:111122223333:key/abcd"})), address, "configuration")
}

# No S3 encryption in the document at all (at-rest encryption off or left out).
test_left_out_is_denied if {
	t.assert_denied(findings({"EncryptionConfiguration": {"EnableAtRestEncryption": false, "EnableInTransitEncryption": true}}), address, "configuration")
}

test_configuration_known_after_apply_is_not_denied if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as t.one_resource(address, {"name": "etl"}, ["configuration"])
}
