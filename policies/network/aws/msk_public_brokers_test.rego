package planguard.network.aws.msk_public_brokers_test

import data.planguard.network.aws.msk_public_brokers as policy

cluster(public_access, unknown) := {"aws_msk_cluster": [{
	"address": "aws_msk_cluster.events",
	"config_address": "aws_msk_cluster.events",
	"type": "aws_msk_cluster",
	"after": {"cluster_name": "events", "broker_node_group_info": [{
		"instance_type": "kafka.m5.large",
		"connectivity_info": [{"public_access": public_access}],
	}]},
	"unknown_paths": unknown,
}]}

test_public_brokers_are_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster([{"type": "SERVICE_PROVIDED_EIPS"}], [])
	count(findings) == 1
	some f in findings
	f.attribute == "broker_node_group_info.0.connectivity_info.0.public_access.0.type"
}

test_disabled_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster([{"type": "DISABLED"}], [])
}

# Left out, the provider's default is DISABLED, as the other tools assume.
test_left_out_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster([], [])
}

test_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster([{}], ["broker_node_group_info.0.connectivity_info.0.public_access.0.type"])
}
