package planguard.encryption.aws.glue_catalog_encryption_test

import data.planguard.encryption.aws.glue_catalog_encryption as policy

settings(rest, pw, unknown) := {"aws_glue_data_catalog_encryption_settings": [{
	"address": "aws_glue_data_catalog_encryption_settings.lake",
	"config_address": "aws_glue_data_catalog_encryption_settings.lake",
	"type": "aws_glue_data_catalog_encryption_settings",
	"after": {"data_catalog_encryption_settings": [{"encryption_at_rest": rest, "connection_password_encryption": pw}]},
	"unknown_paths": unknown,
}]}

test_disabled_catalog_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as settings([{"catalog_encryption_mode": "DISABLED"}], [{"return_connection_password_encrypted": true}], [])
	count(findings) == 1
	some f in findings
	f.resource == "aws_glue_data_catalog_encryption_settings.lake"
	f.attribute == "data_catalog_encryption_settings.0.encryption_at_rest.0.catalog_encryption_mode"
}

test_plain_passwords_are_denied if {
	findings := policy.deny with data.planguard.resources_by_type as settings([{"catalog_encryption_mode": "SSE-KMS"}], [{"return_connection_password_encrypted": false}], [])
	count(findings) == 1
	some f in findings
	f.attribute == "data_catalog_encryption_settings.0.connection_password_encryption.0.return_connection_password_encrypted"
}

test_encrypted_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as settings([{"catalog_encryption_mode": "SSE-KMS", "sse_aws_kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}], [{"return_connection_password_encrypted": true}], [])
}

test_unknown_mode_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as settings([{}], [{"return_connection_password_encrypted": true}], ["data_catalog_encryption_settings.0.encryption_at_rest.0.catalog_encryption_mode"])
}

# Checkov fails this mode too; it encrypts with the key named, through a role.
test_service_role_mode_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as settings([{"catalog_encryption_mode": "SSE-KMS-WITH-SERVICE-ROLE", "sse_aws_kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k", "catalog_encryption_service_role": "arn:aws:iam::111122223333:role/glue"}], [{"return_connection_password_encrypted": true}], [])
}
