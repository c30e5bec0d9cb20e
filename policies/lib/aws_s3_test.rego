package planguard.lib.aws_s3_test

import data.planguard.lib.aws_s3
import data.planguard.lib.test as t

b := "aws_s3_bucket.data"

c := "aws_s3_bucket_server_side_encryption_configuration.data"

inline_rule := {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}

bucket(after, after_unknown, expressions) := {"address": b, "config_address": b, "type": "aws_s3_bucket", "after": after, "after_unknown": after_unknown, "expressions": expressions}

config(after, unknown_paths) := {"address": c, "config_address": c, "type": "aws_s3_bucket_server_side_encryption_configuration", "after": after, "unknown_paths": unknown_paths}

referrers := {b: [{"from": c, "from_type": "aws_s3_bucket_server_side_encryption_configuration", "attribute": "bucket"}]}

test_default_rules_read_inline_blocks_and_configurations if {
	r := bucket({"server_side_encryption_configuration": [inline_rule]}, {}, {"server_side_encryption_configuration": [{}]})
	kms := config({"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]}, [])
	rules := aws_s3.default_rules(r) with data.planguard.resources_by_type as {"aws_s3_bucket_server_side_encryption_configuration": [kms]}
		with data.planguard.referrers as referrers
	rules == [{"sse_algorithm": "AES256"}, {"sse_algorithm": "aws:kms"}]
	aws_s3.declared(r)
}

# Left out, the provider computes the inline block: nothing is declared and
# nothing is to come.
test_computed_inline_block_is_neither_declared_nor_undecided if {
	r := bucket({}, {"server_side_encryption_configuration": true}, {"bucket": {"constant_value": "x"}})
	not aws_s3.declared(r)
	not aws_s3.undecided(r, "sse_algorithm")
}

test_unknown_values_are_undecided if {
	written := bucket({}, {"server_side_encryption_configuration": true}, {"server_side_encryption_configuration": [{}]})
	aws_s3.undecided(written, "sse_algorithm")
	r := bucket({}, {}, {})
	pending := config({"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]}, ["rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id"])
	aws_s3.undecided(r, "kms_master_key_id") with data.planguard.resources_by_type as {"aws_s3_bucket_server_side_encryption_configuration": [pending]}
		with data.planguard.referrers as referrers
	not aws_s3.undecided(r, "sse_algorithm") with data.planguard.resources_by_type as {"aws_s3_bucket_server_side_encryption_configuration": [pending]}
		with data.planguard.referrers as referrers
}
