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
	f.aliases == ["CKV_AWS_260"]
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

only_finding(resources) := f if {
	findings := policy.deny with data.planguard.resources_by_type as resources
	count(findings) == 1
	some f in findings
}

# Checkov's CKV_AWS_260 wants the literal 0.0.0.0/0 (or ::/0).
test_split_internet_is_not_named_by_checkov if {
	only_finding(sg([rule(79, 81, ["0.0.0.0/1", "128.0.0.0/1"])], [])).aliases == []
}

# Checkov stops at a self-referencing block and passes the group.
test_self_block_before_the_open_one_is_not_named_by_checkov if {
	self_block := object.union(rule(0, 0, []), {"protocol": "-1", "self": true})
	only_finding(sg([self_block, rule(80, 80, ["0.0.0.0/0"])], [])).aliases == []
}

test_self_block_after_the_open_one_is_named_by_checkov if {
	self_block := object.union(rule(0, 0, []), {"protocol": "-1", "self": true})
	only_finding(sg([rule(80, 80, ["0.0.0.0/0"]), self_block], [])).aliases == ["CKV_AWS_260"]
}

test_prefix_list_is_not_named_by_checkov if {
	only_finding(sg([object.union(rule(80, 80, ["0.0.0.0/0"]), {"prefix_list_ids": ["pl-1"]})], [])).aliases == []
}

test_standalone_rule_is_named_by_checkov if {
	sgr := {"aws_security_group_rule": [{"address": "aws_security_group_rule.http", "type": "aws_security_group_rule", "after": object.union(rule(80, 80, ["0.0.0.0/0"]), {"type": "ingress"}), "unknown_paths": []}]}
	only_finding(sgr).aliases == ["CKV_AWS_260"]
}

vpc_rule(after) := {"aws_vpc_security_group_ingress_rule": [{"address": "aws_vpc_security_group_ingress_rule.http", "type": "aws_vpc_security_group_ingress_rule", "after": object.union({"ip_protocol": "tcp", "from_port": 80, "to_port": 80}, after), "unknown_paths": []}]}

test_vpc_rule_ipv4_is_named_by_checkov if {
	only_finding(vpc_rule({"cidr_ipv4": "0.0.0.0/0"})).aliases == ["CKV_AWS_260"]
}

# Checkov reads a VPC rule's cidr_ipv6 as a list of characters: ::/0 there is missed.
test_vpc_rule_ipv6_is_not_named_by_checkov if {
	only_finding(vpc_rule({"cidr_ipv6": "::/0"})).aliases == []
}
