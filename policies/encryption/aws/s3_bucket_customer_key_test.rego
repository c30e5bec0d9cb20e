package planguard.encryption.aws.s3_bucket_customer_key_test

import data.planguard.encryption.aws.s3_bucket_customer_key as policy
import data.planguard.lib.test as t

b := "aws_s3_bucket.datasets"

c := "aws_s3_bucket_server_side_encryption_configuration.datasets"

# A bucket as provider v4+ plans it (the inline block left out, computed),
# with `extra` merged into its planned values.
bucket(extra) := {
	"address": b, "config_address": b, "type": "aws_s3_bucket",
	"after": object.union({"bucket": "ml-datasets"}, extra),
	"after_unknown": {"server_side_encryption_configuration": true},
	"expressions": {"bucket": {"constant_value": "ml-datasets"}},
}

sse(by_default, unknown_paths) := {
	"address": c, "config_address": c, "type": "aws_s3_bucket_server_side_encryption_configuration",
	"after": {"rule": [{"apply_server_side_encryption_by_default": [by_default]}]},
	"unknown_paths": unknown_paths,
}

referrers := {b: [{"from": c, "from_type": "aws_s3_bucket_server_side_encryption_configuration", "attribute": "bucket"}]}

findings_with_sse(by_default, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as {
		"aws_s3_bucket": [bucket({})],
		"aws_s3_bucket_server_side_encryption_configuration": [sse(by_default, unknown_paths)],
	}
		with data.planguard.referrers as referrers
}

test_sse_s3_and_aws_managed_key_are_denied if {
	t.assert_denied(findings_with_sse({"sse_algorithm": "AES256"}, []), b, "server_side_encryption_configuration")
	t.assert_denied(findings_with_sse({"sse_algorithm": "aws:kms", "kms_master_key_id": null}, []), b, "server_side_encryption_configuration")
	t.assert_denied(findings_with_sse({"sse_algorithm": "aws:kms", "kms_master_key_id": "alias/aws/s3"}, []), b, "server_side_encryption_configuration")
}

# Declaring nothing leaves the bucket on SSE-S3.
test_no_declaration_is_denied if {
	found := policy.deny with data.planguard.resources_by_type as {"aws_s3_bucket": [bucket({})]}
	t.assert_denied(found, b, "server_side_encryption_configuration")
}

test_customer_key_passes if {
	t.assert_passes(findings_with_sse({"sse_algorithm": "aws:kms", "kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:key/abcd"}, []), b)
}

test_key_known_after_apply_is_not_judged if {
	t.assert_passes(findings_with_sse({"sse_algorithm": "aws:kms"}, ["rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id"]), b)
	t.assert_passes(findings_with_sse({}, ["rule"]), b)
}

test_inline_customer_key_passes if {
	inline := [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms", "kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:key/abcd"}]}]}]
	r := object.union(bucket({"server_side_encryption_configuration": inline}), {
		"after_unknown": {},
		"expressions": {"server_side_encryption_configuration": [{"rule": [{}]}]},
	})
	found := policy.deny with data.planguard.resources_by_type as {"aws_s3_bucket": [r]}
	t.assert_passes(found, b)
}

test_log_delivery_acl_bucket_passes if {
	found := policy.deny with data.planguard.resources_by_type as {"aws_s3_bucket": [bucket({"acl": "log-delivery-write"})]}
	t.assert_passes(found, b)
}

test_log_delivery_grant_passes if {
	acl := {
		"address": "aws_s3_bucket_acl.logs", "config_address": "aws_s3_bucket_acl.logs", "type": "aws_s3_bucket_acl",
		"after": {"access_control_policy": [{"grant": [{"permission": "WRITE", "grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"}]}]}]},
	}
	found := policy.deny with data.planguard.resources_by_type as {"aws_s3_bucket": [bucket({})], "aws_s3_bucket_acl": [acl]}
		with data.planguard.referrers as {b: [{"from": "aws_s3_bucket_acl.logs", "from_type": "aws_s3_bucket_acl", "attribute": "bucket"}]}
	t.assert_passes(found, b)
}

test_logging_service_policy_passes if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::ml-logs/*"}]}
	p := {"address": "aws_s3_bucket_policy.logs", "config_address": "aws_s3_bucket_policy.logs", "type": "aws_s3_bucket_policy", "after": {"policy": json.marshal(doc)}}
	found := policy.deny with data.planguard.resources_by_type as {"aws_s3_bucket": [bucket({})], "aws_s3_bucket_policy": [p]}
		with data.planguard.referrers as {b: [{"from": "aws_s3_bucket_policy.logs", "from_type": "aws_s3_bucket_policy", "attribute": "bucket"}]}
	t.assert_passes(found, b)
}

# A policy for another service is no log-delivery exemption.
test_other_service_policy_is_denied if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": ["s3:PutObject"]}]}
	found := policy.deny with data.planguard.resources_by_type as {"aws_s3_bucket": [bucket({"policy": json.marshal(doc)})]}
	t.assert_denied(found, b, "server_side_encryption_configuration")
}
