package planguard.encryption.aws.ecr_repository_kms_test

import data.planguard.encryption.aws.ecr_repository_kms as policy

repo(after, unknown) := {"aws_ecr_repository": [{
	"address": "aws_ecr_repository.trainer",
	"config_address": "aws_ecr_repository.trainer",
	"type": "aws_ecr_repository",
	"after": after,
	"unknown_paths": unknown,
}]}

test_default_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as repo({"name": "trainer", "encryption_configuration": []}, [])
	some f in findings
	f.attribute == "encryption_configuration"
}

test_aes256_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as repo({"encryption_configuration": [{"encryption_type": "AES256"}]}, [])
}

test_kms_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as repo({"encryption_configuration": [{"encryption_type": "KMS", "kms_key": "arn:aws:kms:us-east-1:111122223333:key/k"}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as repo({}, ["encryption_configuration"])
}
