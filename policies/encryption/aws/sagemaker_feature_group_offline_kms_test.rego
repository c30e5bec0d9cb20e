package planguard.encryption.aws.sagemaker_feature_group_offline_kms_test

import data.planguard.encryption.aws.sagemaker_feature_group_offline_kms as policy

fg(after, unknown) := {"aws_sagemaker_feature_group": [{
	"address": "aws_sagemaker_feature_group.users",
	"config_address": "aws_sagemaker_feature_group.users",
	"type": "aws_sagemaker_feature_group",
	"after": after,
	"unknown_paths": unknown,
}]}

test_offline_store_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as fg({"offline_store_config": [{"s3_storage_config": [{"s3_uri": "s3://features/users", "kms_key_id": null}]}]}, [])
	some f in findings
	f.resource == "aws_sagemaker_feature_group.users"
	f.attribute == "offline_store_config.0.s3_storage_config.0.kms_key_id"
}

test_offline_store_with_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fg({"offline_store_config": [{"s3_storage_config": [{"s3_uri": "s3://features/users", "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}]}]}, [])
}

test_online_only_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fg({"offline_store_config": [], "online_store_config": [{"enable_online_store": true}]}, [])
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fg({"offline_store_config": [{"s3_storage_config": [{"s3_uri": "s3://features/users"}]}]}, ["offline_store_config.0.s3_storage_config.0.kms_key_id"])
}
