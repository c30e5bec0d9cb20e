package planguard.encryption.aws.sagemaker_domain_kms_test

import data.planguard.encryption.aws.sagemaker_domain_kms as policy

domain(after, unknown) := {"aws_sagemaker_domain": [{
	"address": "aws_sagemaker_domain.studio",
	"config_address": "aws_sagemaker_domain.studio",
	"type": "aws_sagemaker_domain",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as domain({"domain_name": "studio", "kms_key_id": null}, [])
	some f in findings
	f.attribute == "kms_key_id"
}

test_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({"kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({}, ["kms_key_id"])
}
