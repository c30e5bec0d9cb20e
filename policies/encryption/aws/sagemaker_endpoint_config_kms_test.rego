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

# A serverless endpoint configuration accepts kms_key_arn like an instance-backed one.
test_serverless_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as config({"kms_key_arn": null, "production_variants": [{"instance_type": null, "serverless_config": [{"max_concurrency": 5, "memory_size_in_mb": 2048}]}]}, [])
	count(findings) == 1
}

test_serverless_with_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config({"kms_key_arn": "arn:aws:kms:us-east-1:111122223333:key/k", "production_variants": [{"serverless_config": [{"max_concurrency": 5, "memory_size_in_mb": 2048}]}]}, [])
}

# Checkov fails it too, but the API refuses a key when any variant has local NVMe storage.
test_mixed_with_local_nvme_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config({"production_variants": [{"instance_type": "ml.m5.xlarge"}, {"instance_type": "ml.g5.2xlarge"}]}, [])
}

test_variant_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config({"production_variants": [{"variant_name": "a"}]}, ["production_variants.0.instance_type"])
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as config({"production_variants": [{"instance_type": "ml.m5.xlarge"}]}, ["kms_key_arn"])
}
