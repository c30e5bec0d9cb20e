# METADATA
# title: Network ACL allows administrative ports from the internet
# description: >-
#   A network ACL entry that allows inbound SSH (22), RDP (3389) or all
#   traffic from 0.0.0.0/0 or ::/0 leaves the subnet's training and notebook
#   hosts guarded by their security groups alone. CIS asks that NACLs not
#   admit remote administration from anywhere, over TCP or UDP.
# custom:
#   id: PG-AWS-NET-101
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_network_acl_rule, aws_network_acl, aws_default_network_acl]
#   aliases: [CKV_AWS_231, CKV_AWS_232]
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
