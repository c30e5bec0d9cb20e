package planguard.encryption.aws.eks_secrets_encryption_test

import data.planguard.encryption.aws.eks_secrets_encryption as policy

cluster(after, unknown) := {"aws_eks_cluster": [{
	"address": "aws_eks_cluster.training",
	"config_address": "aws_eks_cluster.training",
	"type": "aws_eks_cluster",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_encryption_config_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"name": "training", "encryption_config": []}, [])
	some f in findings
	f.resource == "aws_eks_cluster.training"
	f.attribute == "encryption_config"
}

test_secrets_encrypted_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"encryption_config": [{"resources": ["secrets"], "provider": [{}]}]}, ["encryption_config.0.provider.0.key_arn"])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({}, ["encryption_config"])
}
