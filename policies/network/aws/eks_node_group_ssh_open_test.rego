package planguard.network.aws.eks_node_group_ssh_open_test

import data.planguard.network.aws.eks_node_group_ssh_open as policy

ng(remote, unknown) := {"aws_eks_node_group": [{
	"address": "aws_eks_node_group.gpu",
	"config_address": "aws_eks_node_group.gpu",
	"type": "aws_eks_node_group",
	"after": {"remote_access": remote},
	"unknown_paths": unknown,
}]}

test_ssh_without_sources_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as ng([{"ec2_ssh_key": "ops", "source_security_group_ids": []}], [])
	some f in findings
	f.resource == "aws_eks_node_group.gpu"
	f.attribute == "remote_access.0.source_security_group_ids"
}

test_ssh_with_sources_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as ng([{"ec2_ssh_key": "ops", "source_security_group_ids": ["sg-bastion"]}], [])
}

test_no_remote_access_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as ng([], [])
}

test_sources_known_after_apply_are_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as ng([{"ec2_ssh_key": "ops"}], ["remote_access.0.source_security_group_ids"])
}
