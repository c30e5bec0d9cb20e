package planguard.network.aws.nacl_ftp_ports_open_test

import data.planguard.lib.test as t
import data.planguard.network.aws.nacl_ftp_ports_open as policy

rule := "aws_network_acl_rule.ftp"

acl := "aws_network_acl.data"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

entry(extra) := object.union({"rule_action": "allow", "egress": false, "protocol": "tcp", "cidr_block": "0.0.0.0/0"}, extra)

test_ftp_from_internet_is_denied_and_names_the_checks_per_port if {
	both := findings(rule, entry({"from_port": 20, "to_port": 21}), [])
	t.assert_denied(both, rule, "rule_action")
	some f in both
	f.aliases == ["CKV_AWS_229", "CKV_AWS_230"]
	control := findings(rule, entry({"from_port": 21, "to_port": 21}), [])
	some g in control
	g.aliases == ["CKV_AWS_229"]
	data_port := findings(rule, entry({"from_port": 20, "to_port": 20, "cidr_block": null, "ipv6_cidr_block": "::/0"}), [])
	some h in data_port
	h.aliases == ["CKV_AWS_230"]
}

test_all_traffic_is_denied if {
	found := findings(rule, entry({"protocol": "-1", "from_port": 0, "to_port": 0}), [])
	some f in found
	f.aliases == ["CKV_AWS_229", "CKV_AWS_230"]
}

# The check reads a range that starts at 0 as no range; the rule reports it
# without naming the check.
test_range_from_zero_is_denied_without_the_checks if {
	found := findings(rule, entry({"from_port": 0, "to_port": 65535}), [])
	some f in found
	f.aliases == []
}

# Split halves of the internet are the internet to the rule; the check
# compares with 0.0.0.0/0 only.
test_split_internet_is_denied_without_the_checks if {
	found := findings(acl, {"ingress": [
		{"action": "allow", "protocol": "tcp", "from_port": 21, "to_port": 21, "cidr_block": "0.0.0.0/1"},
		{"action": "allow", "protocol": "tcp", "from_port": 21, "to_port": 21, "cidr_block": "128.0.0.0/1"},
	]}, [])
	count(found) == 2
	every f in found {
		f.aliases == []
	}
}

test_inline_ingress_is_denied if {
	found := findings(acl, {"ingress": [{"action": "allow", "protocol": "tcp", "from_port": 21, "to_port": 21, "cidr_block": "0.0.0.0/0"}]}, [])
	t.assert_denied(found, acl, "ingress.0")
	some f in found
	f.aliases == ["CKV_AWS_229"]
}

test_default_acl_is_denied_without_the_checks if {
	d := "aws_default_network_acl.default"
	found := findings(d, {"ingress": [{"action": "allow", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_block": "0.0.0.0/0"}]}, [])
	t.assert_denied(found, d, "ingress.0")
	some f in found
	f.aliases == []
}

test_other_ports_ranges_deny_and_egress_pass if {
	t.assert_passes(findings(rule, entry({"from_port": 443, "to_port": 443}), []), rule)
	t.assert_passes(findings(rule, entry({"from_port": 21, "to_port": 21, "cidr_block": "203.0.113.0/24"}), []), rule)
	t.assert_passes(findings(rule, entry({"from_port": 21, "to_port": 21, "rule_action": "deny"}), []), rule)
	t.assert_passes(findings(rule, entry({"from_port": 21, "to_port": 21, "egress": true}), []), rule)
}

test_values_known_after_apply_are_not_judged if {
	t.assert_passes(findings(rule, object.remove(entry({"from_port": 21, "to_port": 21}), ["cidr_block"]), ["cidr_block"]), rule)
	t.assert_passes(findings(rule, object.remove(entry({"from_port": 21, "to_port": 21}), ["egress"]), ["egress"]), rule)
	t.assert_passes(findings(acl, {}, ["ingress"]), acl)
}
