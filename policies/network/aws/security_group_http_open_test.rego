package planguard.network.aws.security_group_http_open_test

import data.planguard.network.aws.security_group_http_open as policy

sg(ingress, unknown) := {"aws_security_group": [{
	"address": "aws_security_group.model_server",
	"type": "aws_security_group",
	"after": {"name": "model-server", "ingress": ingress},
	"unknown_paths": unknown,
}]}

rule(from, to, cidrs) := {"protocol": "tcp", "from_port": from, "to_port": to, "cidr_blocks": cidrs, "ipv6_cidr_blocks": [], "security_groups": []}

test_port_80_from_anywhere_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as sg([rule(80, 80, ["0.0.0.0/0"])], [])
	some f in findings
	f.attribute == "ingress.0"
	contains(f.msg, "0.0.0.0/0")
}

# A range that includes 80, and the internet split in halves, count too.
test_range_and_split_internet_are_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as sg([rule(79, 81, ["0.0.0.0/1", "128.0.0.0/1"])], [])
}

test_standalone_rules_are_denied if {
	sgr := {"aws_security_group_rule": [{"address": "aws_security_group_rule.http", "type": "aws_security_group_rule", "after": object.union(rule(80, 80, ["0.0.0.0/0"]), {"type": "ingress"}), "unknown_paths": []}]}
	count(policy.deny) == 1 with data.planguard.resources_by_type as sgr
	vpcr := {"aws_vpc_security_group_ingress_rule": [{"address": "aws_vpc_security_group_ingress_rule.http", "type": "aws_vpc_security_group_ingress_rule", "after": {"ip_protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_ipv6": "::/0"}, "unknown_paths": []}]}
	count(policy.deny) == 1 with data.planguard.resources_by_type as vpcr
}

test_https_and_private_sources_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as sg([rule(443, 443, ["0.0.0.0/0"]), rule(80, 80, ["10.0.0.0/16"])], [])
}

test_ingress_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as sg([rule(80, 80, ["0.0.0.0/0"])], ["ingress"])
}
