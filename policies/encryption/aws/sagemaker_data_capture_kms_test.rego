package planguard.encryption.aws.sagemaker_data_capture_kms_test

import data.planguard.encryption.aws.sagemaker_data_capture_kms as policy

config(capture, unknown) := {"aws_sagemaker_endpoint_configuration": [{
	"address": "aws_sagemaker_endpoint_configuration.chat",
	"config_address": "aws_sagemaker_endpoint_configuration.chat",
	"type": "aws_sagemaker_endpoint_configuration",
	"after": {"data_capture_config": capture},
	"unknown_paths": unknown,
}]}

test_capture_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as config([{"enable_capture": true, "destination_s3_uri": "s3://capture/chat", "kms_key_id": null, "initial_sampling_percentage": 100}], [])
	some f in findings
	f.resource == "aws_sagemaker_endpoint_configuration.chat"
	f.attribute == "data_capture_config.0.kms_key_id"
}

test_capture_with_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config([{"enable_capture": true, "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}], [])
}

test_capture_off_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config([{"enable_capture": false}], [])
}

test_no_capture_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config([], [])
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config([{"enable_capture": true}], ["data_capture_config.0.kms_key_id"])
}
