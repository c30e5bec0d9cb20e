package planguard.encryption.aws.firehose_stream_cmk_test

import data.planguard.encryption.aws.firehose_stream_cmk as policy
import data.planguard.lib.test as t

address := "aws_kinesis_firehose_delivery_stream.logs"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, object.union({"destination": "extended_s3"}, after), unknown_paths)
}

test_without_the_block_is_denied if {
	t.assert_denied(findings({"server_side_encryption": []}, []), address, "server_side_encryption")
}

test_disabled_is_denied if {
	t.assert_denied(findings({"server_side_encryption": [{"enabled": false, "key_type": "CUSTOMER_MANAGED_CMK", "key_arn": key}]}, []), address, "server_side_encryption.0.enabled")
}

# key_type left out is the provider's default, AWS_OWNED_CMK.
test_aws_owned_key_is_denied if {
	t.assert_denied(findings({"server_side_encryption": [{"enabled": true, "key_type": "AWS_OWNED_CMK"}]}, []), address, "server_side_encryption.0.key_type")
	t.assert_denied(findings({"server_side_encryption": [{"enabled": true}]}, []), address, "server_side_encryption.0.key_type")
}

test_customer_managed_type_without_a_key_is_denied if {
	t.assert_denied(findings({"server_side_encryption": [{"enabled": true, "key_type": "CUSTOMER_MANAGED_CMK", "key_arn": ""}]}, []), address, "server_side_encryption.0.key_arn")
}

test_customer_managed_key_passes if {
	t.assert_passes(findings({"server_side_encryption": [{"enabled": true, "key_type": "CUSTOMER_MANAGED_CMK", "key_arn": key}]}, []), address)
}

test_key_set_but_unknown_is_not_denied if {
	t.assert_passes(findings({"server_side_encryption": [{"enabled": true, "key_type": "CUSTOMER_MANAGED_CMK"}]}, ["server_side_encryption.0.key_arn"]), address)
	t.assert_passes(findings({"server_side_encryption": [{"key_type": "CUSTOMER_MANAGED_CMK", "key_arn": key}]}, ["server_side_encryption.0.enabled"]), address)
	t.assert_passes(findings({}, ["server_side_encryption"]), address)
}

test_stream_with_a_kinesis_source_is_not_judged if {
	source := [{"kinesis_stream_arn": "arn:aws:kinesis:us-east-1:111122223333:stream/events", "role_arn": "arn:aws:iam::111122223333:role/firehose"}]
	t.assert_passes(findings({"kinesis_source_configuration": source}, []), address)
}
