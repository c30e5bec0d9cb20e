package planguard.encryption.aws.sagemaker_data_quality_traffic_encryption_test

import data.planguard.encryption.aws.sagemaker_data_quality_traffic_encryption as policy

job(after, unknown) := {"aws_sagemaker_data_quality_job_definition": [{
	"address": "aws_sagemaker_data_quality_job_definition.drift",
	"config_address": "aws_sagemaker_data_quality_job_definition.drift",
	"type": "aws_sagemaker_data_quality_job_definition",
	"after": object.union({"name": "drift"}, after),
	"unknown_paths": unknown,
}]}

test_encryption_off_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as job({"network_config": [{"enable_inter_container_traffic_encryption": false}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "network_config.enable_inter_container_traffic_encryption"
}

test_network_config_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as job({"network_config": []}, [])
}

test_attribute_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as job({"network_config": [{"enable_network_isolation": true, "enable_inter_container_traffic_encryption": null}]}, [])
}

test_encryption_on_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as job({"network_config": [{"enable_inter_container_traffic_encryption": true}]}, [])
}

test_value_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as job({"network_config": [{}]}, ["network_config.0.enable_inter_container_traffic_encryption"])
}
