package planguard.encryption.aws.s3_bucket_kms_default_test

import data.planguard.encryption.aws.s3_bucket_kms_default as policy

# A bucket as provider v4+ plans it: the inline block left out, computed by
# the provider.
bucket := {
	"address": "aws_s3_bucket.datasets",
	"config_address": "aws_s3_bucket.datasets",
	"type": "aws_s3_bucket",
	"after": {"bucket": "ml-datasets"},
	"after_unknown": {"server_side_encryption_configuration": true},
	"expressions": {"bucket": {"constant_value": "ml-datasets"}},
}

sse(algorithm, unknown) := {
	"address": "aws_s3_bucket_server_side_encryption_configuration.datasets",
	"config_address": "aws_s3_bucket_server_side_encryption_configuration.datasets",
	"type": "aws_s3_bucket_server_side_encryption_configuration",
	"after": {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": algorithm}]}]},
	"unknown_paths": unknown,
}

referrers := {"aws_s3_bucket.datasets": [{"from": "aws_s3_bucket_server_side_encryption_configuration.datasets", "from_type": "aws_s3_bucket_server_side_encryption_configuration", "attribute": "bucket"}]}

with_sse(c) := {"aws_s3_bucket": [bucket], "aws_s3_bucket_server_side_encryption_configuration": [c]}

# No declaration at all: the provider computes the inline block, S3 uses
# SSE-S3. PG-AWS-S3-001 reports the missing declaration; this rule the
# missing KMS key, as CKV_AWS_145 does.
test_no_declaration_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"aws_s3_bucket": [bucket]}
	some f in findings
	f.resource == "aws_s3_bucket.datasets"
	f.attribute == "server_side_encryption_configuration"
}

# A state has no configuration to tell a block left out from one to come.
test_inline_block_unknown_without_configuration_is_not_denied if {
	b := object.remove(bucket, ["expressions"])
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_s3_bucket": [b]}
}

test_inline_sse_s3_is_denied if {
	b := object.union(bucket, {
		"after": {"bucket": "ml-datasets", "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}]},
		"after_unknown": {"server_side_encryption_configuration": false},
		"expressions": {"server_side_encryption_configuration": [{"rule": [{}]}]},
	})
	findings := policy.deny with data.planguard.resources_by_type as {"aws_s3_bucket": [b]}
	some f in findings
	f.resource == "aws_s3_bucket.datasets"
}

test_sse_s3_configuration_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as with_sse(sse("AES256", []))
		with data.planguard.referrers as referrers
}

test_kms_configuration_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as with_sse(sse("aws:kms", []))
		with data.planguard.referrers as referrers
	count(policy.deny) == 0 with data.planguard.resources_by_type as with_sse(sse("aws:kms:dsse", []))
		with data.planguard.referrers as referrers
}

test_inline_kms_passes if {
	b := object.union(bucket, {
		"after": {"bucket": "ml-datasets", "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]}]},
		"after_unknown": {"server_side_encryption_configuration": false},
	})
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_s3_bucket": [b]}
}

test_algorithm_known_after_apply_is_not_denied if {
	c := sse(null, ["rule.0.apply_server_side_encryption_by_default.0.sse_algorithm"])
	count(policy.deny) == 0 with data.planguard.resources_by_type as with_sse(c)
		with data.planguard.referrers as referrers
}

# The author wrote the inline block with a value known only after apply.
test_inline_block_set_but_unknown_is_not_denied if {
	b := object.union(bucket, {"expressions": {"server_side_encryption_configuration": [{"rule": [{}]}]}})
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_s3_bucket": [b]}
}
