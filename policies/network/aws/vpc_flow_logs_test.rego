package planguard.network.aws.vpc_flow_logs_test

import data.planguard.network.aws.vpc_flow_logs as policy

vpcs := {"aws_vpc": [{
	"address": "aws_vpc.ml",
	"config_address": "aws_vpc.ml",
	"type": "aws_vpc",
	"after": {"cidr_block": "10.0.0.0/16"},
	"unknown_paths": ["id"],
}]}

test_vpc_without_flow_log_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as vpcs
		with data.planguard.referrers as {"aws_vpc.ml": [{"attribute": "vpc_id", "from": "aws_subnet.a", "from_type": "aws_subnet"}]}
	some f in findings
	f.resource == "aws_vpc.ml"
	f.attribute == "id"
}

test_vpc_with_flow_log_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vpcs
		with data.planguard.referrers as {"aws_vpc.ml": [{"attribute": "vpc_id", "from": "aws_flow_log.ml", "from_type": "aws_flow_log"}]}
}

test_flow_log_in_a_module_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vpcs
		with data.planguard.referrers as {"aws_vpc.ml": [{"attribute": "vpc_id", "from": "module.logs.aws_flow_log.this", "from_type": "aws_flow_log"}]}
}
