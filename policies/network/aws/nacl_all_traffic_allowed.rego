# METADATA
# title: Network ACL rule allows all protocols and ports
# description: >-
#   A network ACL entry with protocol -1 ("all") allows every protocol and
#   port for its address range, in or out. The subnet boundary then filters
#   nothing and everything rests on security groups; a NACL should allow the
#   protocols and port ranges the subnet's workloads use. PG-AWS-NET-101
#   reports the worse case of administrative ports open to the internet.
# custom:
#   id: PG-AWS-NET-110
#   severity: low
#   category: network
#   providers: [aws]
#   resource_types: [aws_network_acl_rule, aws_network_acl, aws_default_network_acl]
#   aliases: [AVD-AWS-0102]
#   remediation: >-
#     Replace the all-traffic entry with entries for the TCP/UDP port ranges
#     needed (for example 443 in, ephemeral ports 1024-65535 out).
package planguard.network.aws.nacl_all_traffic_allowed

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_network_acl_rule
	not lib.is_unknown(r, ["protocol"])
	not lib.is_unknown(r, ["rule_action"])
	all_traffic(object.get(r.after, "rule_action", ""), object.get(r.after, "protocol", null))
	finding := {
		"msg": sprintf("Network ACL rule %s allows all protocols and ports.", [r.address]),
		"resource": r.address,
		"attribute": "protocol",
	}
}

deny contains finding if {
	some t in ["aws_network_acl", "aws_default_network_acl"]
	some r in data.planguard.resources_by_type[t]
	some direction in ["ingress", "egress"]
	not lib.is_unknown(r, [direction])
	some i, b in object.get(r.after, direction, [])
	all_traffic(object.get(b, "action", ""), object.get(b, "protocol", null))
	finding := {
		"msg": sprintf("Network ACL %s allows all protocols and ports (%s entry %v).", [r.address, direction, object.get(b, "rule_no", i)]),
		"resource": r.address,
		"attribute": sprintf("%s.%v", [direction, i]),
	}
}

all_traffic(action, protocol) if {
	lower(action) == "allow"
	protocol in {"-1", -1, "all"}
}
