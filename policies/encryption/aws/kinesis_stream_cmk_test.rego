package planguard.encryption.aws.kinesis_stream_cmk_test

import data.planguard.encryption.aws.kinesis_stream_cmk as policy

resource(type, after, unknown, expressions) := {type: [{
	"address": sprintf("%s.main", [type]),
	"config_address": sprintf("%s.main", [type]),
	"type": type,
	"after": object.union({"shard_count": 2, "encryption_type": "KMS"}, after),
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

test_no_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as resource("aws_kinesis_stream", {"kms_key_id": null}, [], {})
	count(findings) == 1
	some f in findings
	f.resource == "aws_kinesis_stream.main"
	f.attribute == "kms_key_id"
}

test_empty_value_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as resource("aws_kinesis_stream", {"kms_key_id": ""}, [], {})
}

test_value_set_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as resource("aws_kinesis_stream", {"kms_key_id": key}, [], {})
}

# Left out: the attribute is null in the plan.
test_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as resource("aws_kinesis_stream", {}, [], {})
}

# Set by the author to a value known only after apply.
test_set_but_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as resource("aws_kinesis_stream", {}, ["kms_key_id"], {"kms_key_id": {"references": ["var.key_arn"]}})
}

test_value_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as resource("aws_kinesis_stream", {"kms_key_id": null}, [], {})
		with data.planguard.references as {"aws_kinesis_stream.main": [{"attribute": "kms_key_id", "to": "aws_kms_key.data"}]}
}
