package planguard.network.aws.security_group_ml_ports_open_test

import data.planguard.network.aws.security_group_ml_ports_open as policy

sg(ingress, unknown) := {"aws_security_group": [{
	"address": "aws_security_group.notebook",
	"config_address": "aws_security_group.notebook",
	"type": "aws_security_group",
	"after": {"ingress": ingress},
	"unknown_paths": unknown,
}]}

test_jupyter_from_world_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as sg([{"protocol": "tcp", "from_port": 8888, "to_port": 8888, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": []}], [])
	count(findings) == 1
	some f in findings
	f.resource == "aws_security_group.notebook"
	f.attribute == "ingress.0"
	contains(f.msg, "Jupyter (8888)")
}

test_range_covering_ray_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"aws_vpc_security_group_ingress_rule": [{
		"address": "aws_vpc_security_group_ingress_rule.ray", "config_address": "aws_vpc_security_group_ingress_rule.ray",
		"type": "aws_vpc_security_group_ingress_rule",
		"after": {"ip_protocol": "tcp", "from_port": 8000, "to_port": 8300, "cidr_ipv6": "::/0"}, "unknown_paths": [],
	}]}
	some f in findings
	f.attribute == "cidr_ipv6"
	contains(f.msg, "Ray dashboard (8265)")
}

test_standalone_rule_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as {"aws_security_group_rule": [{
		"address": "aws_security_group_rule.mlflow", "config_address": "aws_security_group_rule.mlflow", "type": "aws_security_group_rule",
		"after": {"type": "ingress", "protocol": "tcp", "from_port": 5000, "to_port": 5000, "cidr_blocks": ["0.0.0.0/0"]}, "unknown_paths": [],
	}]}
}

test_private_range_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as sg([{"protocol": "tcp", "from_port": 8888, "to_port": 8888, "cidr_blocks": ["10.0.0.0/8"]}], [])
}

test_https_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as sg([{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}], [])
}

test_all_ports_left_to_net_001 if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as sg([{"protocol": "tcp", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"]}], [])
}

test_unknown_ingress_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_security_group": [{
		"address": "aws_security_group.notebook", "config_address": "aws_security_group.notebook", "type": "aws_security_group",
		"after": {}, "unknown_paths": ["ingress"],
	}]}
}
