package planguard.network.aws.nacl_all_traffic_allowed_test

import data.planguard.network.aws.nacl_all_traffic_allowed as policy

nacl_rule(after, unknown) := {"aws_network_acl_rule": [{
	"address": "aws_network_acl_rule.in",
	"type": "aws_network_acl_rule",
	"after": object.union({"network_acl_id": "acl-1", "rule_number": 100, "egress": false, "cidr_block": "10.0.0.0/16"}, after),
	"unknown_paths": unknown,
}]}

test_all_protocols_rule_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as nacl_rule({"rule_action": "allow", "protocol": "-1"}, [])
	some f in findings
	f.attribute == "protocol"
}

test_inline_egress_all_is_denied if {
	acl := {"aws_default_network_acl": [{
		"address": "aws_default_network_acl.main", "type": "aws_default_network_acl",
		"after": {"ingress": [{"rule_no": 100, "action": "allow", "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_block": "0.0.0.0/0"}], "egress": [{"rule_no": 100, "action": "allow", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_block": "0.0.0.0/0"}]},
		"unknown_paths": [],
	}]}
	findings := policy.deny with data.planguard.resources_by_type as acl
	count(findings) == 1
	some f in findings
	f.attribute == "egress.0"
}

test_port_range_and_deny_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as nacl_rule({"rule_action": "allow", "protocol": "tcp", "from_port": 443, "to_port": 443}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as nacl_rule({"rule_action": "deny", "protocol": "-1"}, [])
}

test_protocol_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as nacl_rule({"rule_action": "allow"}, ["protocol"])
}
