package planguard.encryption.aws.dynamodb_table_customer_key_test

import data.planguard.encryption.aws.dynamodb_table_customer_key as policy

table(after, unknown) := {"aws_dynamodb_table": [{
	"address": "aws_dynamodb_table.features",
	"config_address": "aws_dynamodb_table.features",
	"type": "aws_dynamodb_table",
	"after": after,
	"unknown_paths": unknown,
}]}

test_default_encryption_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as table({"name": "features", "server_side_encryption": []}, [])
}

test_sse_disabled_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as table({"server_side_encryption": [{"enabled": false}]}, [])
	some f in findings
	f.resource == "aws_dynamodb_table.features"
	f.attribute == "server_side_encryption"
}

test_aws_managed_alias_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as table({"server_side_encryption": [{"enabled": true, "kms_key_arn": "arn:aws:kms:us-east-1:111122223333:alias/aws/dynamodb"}]}, [])
}

test_customer_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as table({"server_side_encryption": [{"enabled": true, "kms_key_arn": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}, [])
}

test_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as table({"server_side_encryption": [{"enabled": true}]}, ["server_side_encryption.0.kms_key_arn"])
		with data.planguard.references as {"aws_dynamodb_table.features": [{"attribute": "server_side_encryption.kms_key_arn", "to": "aws_kms_key.k"}]}
}

test_key_computed_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as table({"server_side_encryption": [{"enabled": true}]}, ["server_side_encryption.0.kms_key_arn"])
}

test_unknown_block_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as table({}, ["server_side_encryption"])
}

# Encryption on, the key left out of the configuration: the provider computes
# it, and DynamoDB uses the AWS-managed key alias/aws/dynamodb.
test_key_left_out_takes_the_default_and_is_denied if {
	table_with_config := {"aws_dynamodb_table": [{
		"address": "aws_dynamodb_table.features",
		"config_address": "aws_dynamodb_table.features",
		"type": "aws_dynamodb_table",
		"after": {"server_side_encryption": [{"enabled": true}]},
		"unknown_paths": ["server_side_encryption.0.kms_key_arn"],
		"expressions": {"server_side_encryption": [{"enabled": {"constant_value": true}}]},
	}]}
	findings := policy.deny with data.planguard.resources_by_type as table_with_config
	some f in findings
	f.attribute == "server_side_encryption"
	f.aliases == ["CKV_AWS_119"]
}

# CKV_AWS_119 fails a table with SSE off or without a key, not one naming
# the AWS-managed key: the finding names it only in the first case.
test_checkov_alias_only_on_its_findings if {
	off := policy.deny with data.planguard.resources_by_type as table({"server_side_encryption": [{"enabled": false}]}, [])
	some f in off
	f.aliases == ["CKV_AWS_119"]
	default_block := policy.deny with data.planguard.resources_by_type as table({"server_side_encryption": []}, [])
	some g in default_block
	g.aliases == ["CKV_AWS_119"]
	managed := policy.deny with data.planguard.resources_by_type as table({"server_side_encryption": [{"enabled": true, "kms_key_arn": "arn:aws:kms:us-east-1:111122223333:alias/aws/dynamodb"}]}, [])
	count(managed) == 1
	some h in managed
	not h.aliases
}
