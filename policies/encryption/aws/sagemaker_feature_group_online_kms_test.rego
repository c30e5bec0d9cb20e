package planguard.encryption.aws.sagemaker_feature_group_online_kms_test

import data.planguard.encryption.aws.sagemaker_feature_group_online_kms as policy

fg(after, unknown) := {"aws_sagemaker_feature_group": [{
	"address": "aws_sagemaker_feature_group.users",
	"config_address": "aws_sagemaker_feature_group.users",
	"type": "aws_sagemaker_feature_group",
	"after": after,
	"unknown_paths": unknown,
}]}

test_online_store_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as fg({"online_store_config": [{"enable_online_store": true, "security_config": []}]}, [])
	some f in findings
	f.attribute == "online_store_config.0.security_config"
}

test_online_store_with_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fg({"online_store_config": [{"enable_online_store": true, "security_config": [{"kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}]}]}, [])
}

test_disabled_online_store_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fg({"online_store_config": [{"enable_online_store": false}]}, [])
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fg({"online_store_config": [{"enable_online_store": true, "security_config": [{}]}]}, ["online_store_config.0.security_config.0.kms_key_id"])
}
