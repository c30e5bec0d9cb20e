# METADATA
# title: Network ACL allows administrative ports from the internet
# description: >-
#   A network ACL entry that allows inbound SSH (22), RDP (3389) or all
#   traffic from 0.0.0.0/0 or ::/0 leaves the subnet's training and notebook
#   hosts guarded by their security groups alone. CIS asks that NACLs not
#   admit remote administration from anywhere, over TCP or UDP. Checkov's
#   CKV_AWS_232 (port 22) and CKV_AWS_231 (port 3389) are named on the
#   findings they also raise: an entry of an aws_network_acl or
#   aws_network_acl_rule that allows the port (or every protocol) from
#   exactly 0.0.0.0/0 or ::/0, with a port range that does not start at 0.
# custom:
#   id: PG-AWS-NET-101
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_network_acl_rule, aws_network_acl, aws_default_network_acl]
#   aliases: []
#   narrower: [CKV_AWS_231, CKV_AWS_232]
#   related: [AVD-AWS-0105]
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "5.1"
#   remediation: >-
#     Deny ports 22 and 3389 from 0.0.0.0/0 and ::/0 with a lower-numbered
#     rule, or allow them only from known administrative ranges.
package planguard.network.aws.nacl_admin_ports_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_network_acl_rule
	not lib.is_true(r, ["egress"])
	not lib.is_unknown(r, ["egress"])
	entry := {
		"action": object.get(r.after, "rule_action", ""),
		"cidrs": [object.get(r.after, "cidr_block", null), object.get(r.after, "ipv6_cidr_block", null)],
		"protocol": object.get(r.after, "protocol", null),
		"from": object.get(r.after, "from_port", null),
		"to": object.get(r.after, "to_port", null),
	}
	exposed := exposed_ports(entry)
	finding := {
		"msg": sprintf("Network ACL rule %s allows %s.", [r.address, exposed]),
		"resource": r.address,
		"attribute": "rule_action",
		"aliases": check_ids(entry),
	}
}

deny contains finding if {
	some t in ["aws_network_acl", "aws_default_network_acl"]
	some r in data.planguard.resources_by_type[t]
	not lib.is_unknown(r, ["ingress"])
	some i, b in object.get(r.after, "ingress", [])
	entry := {
		"action": object.get(b, "action", ""),
		"cidrs": [object.get(b, "cidr_block", null), object.get(b, "ipv6_cidr_block", null)],
		"protocol": object.get(b, "protocol", null),
		"from": object.get(b, "from_port", null),
		"to": object.get(b, "to_port", null),
	}
	exposed := exposed_ports(entry)
	finding := {
		"msg": sprintf("Network ACL %s allows %s.", [r.address, exposed]),
		"resource": r.address,
		"attribute": sprintf("ingress.%v", [i]),
		"aliases": acl_check_ids(t, entry),
	}
}

exposed_ports(e) := sprintf("all traffic from %s", [concat(" and ", world)]) if {
	lower(e.action) == "allow"
	world := lib.internet_ranges(e.cidrs)
	all_protocols(e.protocol)
} else := sprintf("%s from %s", [concat(" and ", sort(ports)), concat(" and ", world)]) if {
	lower(e.action) == "allow"
	world := lib.internet_ranges(e.cidrs)
	tcp_or_udp(e.protocol)
	is_number(e.from)
	is_number(e.to)
	ports := lib.sensitive_ports_of_kind(e.from, e.to, "admin")
	count(ports) > 0
}

all_protocols(p) if p in {"-1", -1, "all"}

tcp_or_udp(p) if p in {"6", 6, "tcp", "17", 17, "udp"}

# Checkov's port checks: CKV_AWS_232 is port 22, CKV_AWS_231 port 3389.
checkov_ports := {22: "CKV_AWS_232", 3389: "CKV_AWS_231"}

# The checks' ids for the ports they would also report on an allowing entry:
# the entry names 0.0.0.0/0 or ::/0 itself, and covers the port with every
# protocol or with a range not starting at 0 (the checks read 0 as no range).
check_ids(e) := sort([id |
	lower(e.action) == "allow"
	some port, id in checkov_ports
	covers(e, port)
	some c in e.cidrs
	lib.world_cidr(c)
])

# The checks read aws_network_acl, not the default NACL.
acl_check_ids(t, e) := check_ids(e) if t == "aws_network_acl"

acl_check_ids(t, _) := [] if t != "aws_network_acl"

covers(e, _) if all_protocols(e.protocol)

covers(e, port) if {
	is_number(e.from)
	is_number(e.to)
	e.from > 0
	e.from <= port
	port <= e.to
}
