package planguard.network.aws.eks_public_endpoint_enabled_test

import data.planguard.network.aws.eks_public_endpoint_enabled as policy

cluster(vpc, unknown) := {"aws_eks_cluster": [{
	"address": "aws_eks_cluster.training",
	"config_address": "aws_eks_cluster.training",
	"type": "aws_eks_cluster",
	"after": {"name": "training", "vpc_config": [vpc]},
	"unknown_paths": unknown,
}]}

test_public_endpoint_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]}, [])
	count(findings) == 1
	some f in findings
	f.resource == "aws_eks_cluster.training"
	f.attribute == "vpc_config.0.endpoint_public_access"
}

test_left_out_takes_the_default_and_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"subnet_ids": ["subnet-1"]}, [])
	some f in findings
	contains(f.msg, "provider's default is true")
}

test_private_endpoint_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"endpoint_public_access": false, "endpoint_private_access": true}, [])
}

# Set by the author to a value known only after apply: not decided, not denied.
test_unknown_after_apply_is_not_denied if {
	r := {"aws_eks_cluster": [{
		"address": "aws_eks_cluster.training",
		"config_address": "aws_eks_cluster.training",
		"type": "aws_eks_cluster",
		"after": {"vpc_config": [{}]},
		"after_unknown": {"vpc_config": [{"endpoint_public_access": true}]},
		"expressions": {"vpc_config": [{"endpoint_public_access": {"references": ["var.public_api"]}}]},
	}]}
	count(policy.deny) == 0 with data.planguard.resources_by_type as r
}
