package planguard.encryption.aws.glue_catalog_customer_key_test

import data.planguard.encryption.aws.glue_catalog_customer_key as policy
import data.planguard.lib.test as t

address := "aws_glue_data_catalog_encryption_settings.lake"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

rest_key := "data_catalog_encryption_settings.0.encryption_at_rest.0.sse_aws_kms_key_id"

pw_key := "data_catalog_encryption_settings.0.connection_password_encryption.0.aws_kms_key_id"

findings(rest, pw, unknown_paths) := found if {
	after := {"data_catalog_encryption_settings": [{"encryption_at_rest": [rest], "connection_password_encryption": [pw]}]}
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

# Left out, both keys are null in the plan: Glue uses aws/glue.
test_keys_left_out_are_denied if {
	found := findings({"catalog_encryption_mode": "SSE-KMS", "sse_aws_kms_key_id": null}, {"return_connection_password_encrypted": true}, [])
	t.assert_count(found, 2)
	t.assert_denied(found, address, rest_key)
	t.assert_denied(found, address, pw_key)
}

test_service_role_mode_without_key_is_denied if {
	found := findings({"catalog_encryption_mode": "SSE-KMS-WITH-SERVICE-ROLE", "catalog_encryption_service_role": "arn:aws:iam::111122223333:role/glue"}, {"return_connection_password_encrypted": true, "aws_kms_key_id": key}, [])
	t.assert_count(found, 1)
	t.assert_denied(found, address, rest_key)
}

test_customer_keys_pass if {
	t.assert_passes(findings({"catalog_encryption_mode": "SSE-KMS", "sse_aws_kms_key_id": key}, {"return_connection_password_encrypted": true, "aws_kms_key_id": key}, []), address)
	t.assert_passes(findings({"catalog_encryption_mode": "SSE-KMS-WITH-SERVICE-ROLE", "sse_aws_kms_key_id": key}, {"return_connection_password_encrypted": true, "aws_kms_key_id": key}, []), address)
}

# Nothing encrypted is PG-AWS-GLUE-101's finding, not this rule's.
test_unencrypted_is_left_to_the_other_rule if {
	t.assert_passes(findings({"catalog_encryption_mode": "DISABLED"}, {"return_connection_password_encrypted": false}, []), address)
}

test_keys_known_after_apply_are_not_denied if {
	t.assert_passes(findings({"catalog_encryption_mode": "SSE-KMS"}, {"return_connection_password_encrypted": true}, [rest_key, pw_key]), address)
	t.assert_passes(findings({}, {}, ["data_catalog_encryption_settings.0.encryption_at_rest.0.catalog_encryption_mode", "data_catalog_encryption_settings.0.connection_password_encryption.0.return_connection_password_encrypted"]), address)
}

test_key_created_in_the_same_plan_passes if {
	found := findings({"catalog_encryption_mode": "SSE-KMS"}, {"return_connection_password_encrypted": true}, []) with data.planguard.references as {address: [
		{"attribute": "data_catalog_encryption_settings.encryption_at_rest.sse_aws_kms_key_id", "to": "aws_kms_key.catalog"},
		{"attribute": "data_catalog_encryption_settings.connection_password_encryption.aws_kms_key_id", "to": "aws_kms_key.catalog"},
	]}
	t.assert_passes(found, address)
}
