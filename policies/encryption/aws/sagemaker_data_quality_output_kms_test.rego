package planguard.encryption.aws.sagemaker_data_quality_output_kms_test

import data.planguard.encryption.aws.sagemaker_data_quality_output_kms as policy

job(output, unknown) := {"aws_sagemaker_data_quality_job_definition": [{
	"address": "aws_sagemaker_data_quality_job_definition.drift",
	"config_address": "aws_sagemaker_data_quality_job_definition.drift",
	"type": "aws_sagemaker_data_quality_job_definition",
	"after": {"name": "drift", "data_quality_job_output_config": output},
	"unknown_paths": unknown,
}]}

s3_output := {"monitoring_outputs": [{"s3_output": [{"s3_uri": "s3://monitoring/drift"}]}]}

test_output_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as job([object.union(s3_output, {"kms_key_id": null})], [])
	count(findings) == 1
	some f in findings
	f.resource == "aws_sagemaker_data_quality_job_definition.drift"
	f.attribute == "data_quality_job_output_config.kms_key_id"
}

test_key_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as job([s3_output], [])
}

test_output_with_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as job([object.union(s3_output, {"kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"})], [])
}

test_key_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as job([s3_output], ["data_quality_job_output_config.0.kms_key_id"])
}

test_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as job([s3_output], [])
		with data.planguard.references as {"aws_sagemaker_data_quality_job_definition.drift": [{"attribute": "data_quality_job_output_config.kms_key_id", "to": "aws_kms_key.monitoring"}]}
}
