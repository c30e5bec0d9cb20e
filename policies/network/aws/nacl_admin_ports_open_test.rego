package planguard.network.aws.nacl_admin_ports_open_test

import data.planguard.network.aws.nacl_admin_ports_open as policy

rule(after, unknown) := {"aws_network_acl_rule": [{
	"address": "aws_network_acl_rule.ssh",
	"config_address": "aws_network_acl_rule.ssh",
	"type": "aws_network_acl_rule",
	"after": after,
	"unknown_paths": unknown,
}]}

test_ssh_from_world_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as rule({"egress": false, "rule_action": "allow", "protocol": "6", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22, "rule_number": 100}, [])
	some f in findings
	f.resource == "aws_network_acl_rule.ssh"
	f.attribute == "rule_action"
	f.aliases == ["CKV_AWS_232"]
}

# Checkov's port checks are named on the findings they also raise, and only those.
test_checkov_ports_are_named_per_finding if {
	rdp := policy.deny with data.planguard.resources_by_type as rule({"egress": false, "rule_action": "allow", "protocol": "6", "cidr_block": "0.0.0.0/0", "from_port": 3389, "to_port": 3389}, [])
	some f in rdp
	f.aliases == ["CKV_AWS_231"]
	all := policy.deny with data.planguard.resources_by_type as rule({"egress": false, "rule_action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}, [])
	some g in all
	g.aliases == ["CKV_AWS_231", "CKV_AWS_232"]
	# A range from 0 (read as no range by the checks), and half of the internet, name none.
	from_zero := policy.deny with data.planguard.resources_by_type as rule({"egress": false, "rule_action": "allow", "protocol": "6", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 1024}, [])
	some h in from_zero
	h.aliases == []
	half := policy.deny with data.planguard.resources_by_type as rule({"egress": false, "rule_action": "allow", "protocol": "6", "cidr_block": "0.0.0.0/1", "from_port": 22, "to_port": 22}, [])
	some k in half
	k.aliases == []
}

test_all_traffic_ipv6_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as rule({"egress": false, "rule_action": "allow", "protocol": "-1", "ipv6_cidr_block": "::/0", "from_port": 0, "to_port": 0}, [])
}

test_inline_ingress_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"aws_network_acl": [{
		"address": "aws_network_acl.private", "config_address": "aws_network_acl.private", "type": "aws_network_acl",
		"after": {"ingress": [
			{"action": "allow", "protocol": "tcp", "cidr_block": "10.0.0.0/8", "from_port": 22, "to_port": 22},
			{"action": "allow", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 443, "to_port": 443},
			{"action": "allow", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 3000, "to_port": 3500},
		]},
		"unknown_paths": [],
	}]}
	count(findings) == 1
	some f in findings
	f.attribute == "ingress.2"
}

test_https_from_world_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule({"egress": false, "rule_action": "allow", "protocol": "6", "cidr_block": "0.0.0.0/0", "from_port": 443, "to_port": 443}, [])
}

test_deny_rule_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule({"egress": false, "rule_action": "deny", "protocol": "6", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22}, [])
}

test_egress_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule({"egress": true, "rule_action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}, [])
}

test_unknown_ingress_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_network_acl": [{
		"address": "aws_network_acl.a", "config_address": "aws_network_acl.a", "type": "aws_network_acl",
		"after": {}, "unknown_paths": ["ingress"],
	}]}
}

test_rdp_over_udp_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as rule({"egress": false, "rule_action": "allow", "protocol": "17", "cidr_block": "0.0.0.0/0", "from_port": 3389, "to_port": 3389}, [])
}
