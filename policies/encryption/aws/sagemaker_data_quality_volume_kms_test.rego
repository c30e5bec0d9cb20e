package planguard.encryption.aws.sagemaker_data_quality_volume_kms_test

import data.planguard.encryption.aws.sagemaker_data_quality_volume_kms as policy

job(cluster, unknown) := {"aws_sagemaker_data_quality_job_definition": [{
	"address": "aws_sagemaker_data_quality_job_definition.drift",
	"config_address": "aws_sagemaker_data_quality_job_definition.drift",
	"type": "aws_sagemaker_data_quality_job_definition",
	"after": {"name": "drift", "job_resources": [{"cluster_config": [cluster]}]},
	"unknown_paths": unknown,
}]}

instances := {"instance_count": 1, "instance_type": "ml.m5.large", "volume_size_in_gb": 20}

test_volume_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as job(object.union(instances, {"volume_kms_key_id": null}), [])
	count(findings) == 1
	some f in findings
	f.attribute == "job_resources.cluster_config.volume_kms_key_id"
}

test_key_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as job(instances, [])
}

test_volume_with_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as job(object.union(instances, {"volume_kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}), [])
}

test_key_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as job(instances, ["job_resources.0.cluster_config.0.volume_kms_key_id"])
}

test_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as job(instances, [])
		with data.planguard.references as {"aws_sagemaker_data_quality_job_definition.drift": [{"attribute": "job_resources.cluster_config.volume_kms_key_id", "to": "aws_kms_key.monitoring"}]}
}
