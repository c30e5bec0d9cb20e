package planguard.network.aws.security_group_world_egress_test

import data.planguard.network.aws.security_group_world_egress as policy

sg(after, unknown) := {"aws_security_group": [{
	"address": "aws_security_group.trainer",
	"config_address": "aws_security_group.trainer",
	"type": "aws_security_group",
	"after": after,
	"unknown_paths": unknown,
}]}

test_all_egress_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as sg({"egress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": []}]}, [])
	some f in findings
	f.resource == "aws_security_group.trainer"
	f.attribute == "egress.0"
}

test_standalone_rules_are_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {
		"aws_security_group_rule": [{"address": "aws_security_group_rule.out", "config_address": "aws_security_group_rule.out", "type": "aws_security_group_rule", "after": {"type": "egress", "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}, "unknown_paths": []}],
		"aws_vpc_security_group_egress_rule": [{"address": "aws_vpc_security_group_egress_rule.v6", "config_address": "aws_vpc_security_group_egress_rule.v6", "type": "aws_vpc_security_group_egress_rule", "after": {"ip_protocol": "-1", "cidr_ipv6": "::/0"}, "unknown_paths": []}],
	}
	count(findings) == 2
}

test_https_egress_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as sg({"egress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}]}, [])
}

test_private_egress_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as sg({"egress": [{"protocol": "-1", "cidr_blocks": ["10.0.0.0/8"]}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as sg({}, ["egress"])
}
