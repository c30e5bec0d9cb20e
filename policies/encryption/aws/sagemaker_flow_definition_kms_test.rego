package planguard.encryption.aws.sagemaker_flow_definition_kms_test

import data.planguard.encryption.aws.sagemaker_flow_definition_kms as policy

flow(output, unknown) := {"aws_sagemaker_flow_definition": [{
	"address": "aws_sagemaker_flow_definition.review",
	"config_address": "aws_sagemaker_flow_definition.review",
	"type": "aws_sagemaker_flow_definition",
	"after": {"flow_definition_name": "review", "output_config": output},
	"unknown_paths": unknown,
}]}

test_output_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as flow([{"s3_output_path": "s3://reviews/out", "kms_key_id": null}], [])
	count(findings) == 1
	some f in findings
	f.resource == "aws_sagemaker_flow_definition.review"
	f.attribute == "output_config.kms_key_id"
}

test_key_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as flow([{"s3_output_path": "s3://reviews/out"}], [])
}

test_output_with_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as flow([{"s3_output_path": "s3://reviews/out", "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}], [])
}

test_key_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as flow([{"s3_output_path": "s3://reviews/out"}], ["output_config.0.kms_key_id"])
}

test_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as flow([{"s3_output_path": "s3://reviews/out"}], [])
		with data.planguard.references as {"aws_sagemaker_flow_definition.review": [{"attribute": "output_config.kms_key_id", "to": "aws_kms_key.reviews"}]}
}
