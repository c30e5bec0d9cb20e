package planguard.network.aws.eks_public_endpoint_open_test

import data.planguard.network.aws.eks_public_endpoint_open as policy

cluster(vpc, unknown) := {"aws_eks_cluster": [{
	"address": "aws_eks_cluster.training",
	"config_address": "aws_eks_cluster.training",
	"type": "aws_eks_cluster",
	"after": {"vpc_config": [vpc]},
	"unknown_paths": unknown,
}]}

test_open_endpoint_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]}, [])
	some f in findings
	f.resource == "aws_eks_cluster.training"
	f.attribute == "vpc_config.0.public_access_cidrs"
}

test_restricted_cidrs_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]}, [])
}

test_private_endpoint_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"endpoint_public_access": false, "endpoint_private_access": true, "public_access_cidrs": ["0.0.0.0/0"]}, [])
}

test_cidrs_known_after_apply_are_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"endpoint_public_access": true}, ["vpc_config.0.public_access_cidrs"])
}
