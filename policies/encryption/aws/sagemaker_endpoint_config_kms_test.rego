package planguard.encryption.aws.sagemaker_endpoint_config_kms_test

import data.planguard.encryption.aws.sagemaker_endpoint_config_kms as policy

config(after, unknown) := {"aws_sagemaker_endpoint_configuration": [{
	"address": "aws_sagemaker_endpoint_configuration.serve",
	"config_address": "aws_sagemaker_endpoint_configuration.serve",
	"type": "aws_sagemaker_endpoint_configuration",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as config({"kms_key_arn": null, "production_variants": [{"instance_type": "ml.m5.xlarge", "variant_name": "a"}]}, [])
	some f in findings
	f.resource == "aws_sagemaker_endpoint_configuration.serve"
	f.attribute == "kms_key_arn"
}

test_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config({"kms_key_arn": "arn:aws:kms:us-east-1:111122223333:key/k", "production_variants": [{"instance_type": "ml.m5.xlarge"}]}, [])
}

test_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config({"production_variants": [{"instance_type": "ml.m5.xlarge"}]}, ["kms_key_arn"])
		with data.planguard.references as {"aws_sagemaker_endpoint_configuration.serve": [{"attribute": "kms_key_arn", "to": "aws_kms_key.k"}]}
}

test_gpu_with_local_nvme_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config({"production_variants": [{"instance_type": "ml.g5.2xlarge"}]}, [])
}

test_d_instance_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config({"production_variants": [{"instance_type": "ml.m5d.large"}]}, [])
}

test_serverless_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config({"production_variants": [{"serverless_config": [{"max_concurrency": 5, "memory_size_in_mb": 2048}]}]}, [])
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config({"production_variants": [{"instance_type": "ml.m5.xlarge"}]}, ["kms_key_arn"])
}
