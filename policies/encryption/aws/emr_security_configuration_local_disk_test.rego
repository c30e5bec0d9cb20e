package planguard.encryption.aws.emr_security_configuration_local_disk_test

import data.planguard.encryption.aws.emr_security_configuration_local_disk as policy
import data.planguard.lib.test as t

address := "aws_emr_security_configuration.etl"

findings(doc) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, {"name": "etl", "configuration": json.marshal(doc)}, [])
}

at_rest(config) := {"EncryptionConfiguration": {
	"EnableAtRestEncryption": true,
	"EnableInTransitEncryption": true,
	"AtRestEncryptionConfiguration": config,
}}

s3 := {"S3EncryptionConfiguration": {"EncryptionMode": "SSE-S3"}}

test_empty_key_provider_is_denied_as_trivys_finding if {
	found := findings(at_rest(object.union(s3, {"LocalDiskEncryptionConfiguration": {"EncryptionKeyProviderType": "", "AwsKmsKey": ""}})))
	t.assert_denied(found, address, "configuration")
	some f in found
	f.aliases == ["AVD-AWS-0139"]
}

test_kms_key_provider_passes if {
	t.assert_passes(findings(at_rest(object.union(s3, {"LocalDiskEncryptionConfiguration": {"EncryptionKeyProviderType": "AwsKms", "AwsKmsKey": "arn:aws:kms:us-east-1:111122223333:key/abcd"}}))), address)
}

# At-rest encryption on for S3 only: the disks are not encrypted, and Trivy
# does not report it, so the finding does not name AVD-AWS-0139.
test_at_rest_without_local_disks_is_denied_without_the_trivy_alias if {
	found := findings(at_rest(s3))
	t.assert_count(found, 1)
	t.assert_denied(found, address, "configuration")
	some f in found
	not f.aliases
}

# At-rest encryption off altogether is PG-AWS-EMR-102's finding.
test_at_rest_off_is_left_to_emr_102 if {
	t.assert_passes(findings({"EncryptionConfiguration": {"EnableAtRestEncryption": false, "EnableInTransitEncryption": false}}), address)
}

test_configuration_known_after_apply_is_not_denied if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as t.one_resource(address, {"name": "etl"}, ["configuration"])
}
