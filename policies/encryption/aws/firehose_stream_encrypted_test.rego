package planguard.encryption.aws.firehose_stream_encrypted_test

import data.planguard.encryption.aws.firehose_stream_encrypted as policy
import data.planguard.lib.test as t

address := "aws_kinesis_firehose_delivery_stream.logs"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, object.union({"destination": "extended_s3"}, after), unknown_paths)
}

test_without_the_block_is_denied if {
	t.assert_denied(findings({"server_side_encryption": []}, []), address, "server_side_encryption")
	t.assert_denied(findings({}, []), address, "server_side_encryption")
}

test_disabled_or_left_out_is_denied if {
	t.assert_denied(findings({"server_side_encryption": [{"enabled": false, "key_type": "AWS_OWNED_CMK"}]}, []), address, "server_side_encryption.0.enabled")
	t.assert_denied(findings({"server_side_encryption": [{"key_type": "AWS_OWNED_CMK"}]}, []), address, "server_side_encryption.0.enabled")
}

test_enabled_passes if {
	t.assert_passes(findings({"server_side_encryption": [{"enabled": true, "key_type": "AWS_OWNED_CMK"}]}, []), address)
}

test_set_but_unknown_is_not_denied if {
	t.assert_passes(findings({"server_side_encryption": [{"key_type": "AWS_OWNED_CMK"}]}, ["server_side_encryption.0.enabled"]), address)
	t.assert_passes(findings({}, ["server_side_encryption"]), address)
}

# Reading from a Kinesis data stream, Firehose stores nothing and refuses SSE.
test_stream_with_a_kinesis_source_is_not_judged if {
	source := [{"kinesis_stream_arn": "arn:aws:kinesis:us-east-1:111122223333:stream/events", "role_arn": "arn:aws:iam::111122223333:role/firehose"}]
	t.assert_passes(findings({"kinesis_source_configuration": source, "server_side_encryption": []}, []), address)
	t.assert_passes(findings({"server_side_encryption": []}, ["kinesis_source_configuration"]), address)
}
