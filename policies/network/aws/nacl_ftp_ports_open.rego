# METADATA
# title: Network ACL allows FTP (ports 20, 21) from the internet
# description: >-
#   FTP sends credentials and data in clear text. A network ACL entry that
#   allows inbound FTP control (21) or data (20), or all traffic, from the
#   whole internet leaves the subnet's hosts guarded by their security groups
#   alone; datasets moved by FTP belong behind a VPN or on SFTP/S3.
#   Checkov's CKV_AWS_229 (port 21) and CKV_AWS_230 (port 20) are named on
#   the findings they also raise: an entry of an aws_network_acl or
#   aws_network_acl_rule that allows the port (or every protocol) from
#   exactly 0.0.0.0/0 or ::/0, with a port range that does not start at 0
#   (the check reads such a range as no range).
# custom:
#   id: PG-AWS-NET-112
#   severity: medium
#   category: network
#   providers: [aws]
#   resource_types: [aws_network_acl_rule, aws_network_acl, aws_default_network_acl]
#   aliases: []
#   narrower: [CKV_AWS_229, CKV_AWS_230]
#   remediation: >-
#     Deny ports 20-21 from 0.0.0.0/0 and ::/0 with a lower-numbered rule, or
#     allow them only from the partner's address ranges; prefer SFTP or S3.
package planguard.network.aws.nacl_ftp_ports_open

import data.planguard.lib

ftp_ports := {20: "CKV_AWS_230", 21: "CKV_AWS_229"}

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
	ports := open_ports(entry)
	finding := {
		"msg": sprintf("Network ACL rule %s allows FTP (%s) from %s.", [r.address, concat(", ", [sprintf("%v", [p]) | some p in ports]), concat(" and ", lib.internet_ranges(entry.cidrs))]),
		"resource": r.address,
		"attribute": "rule_action",
		"aliases": check_ids(entry, ports),
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
	ports := open_ports(entry)
	finding := {
		"msg": sprintf("Network ACL %s allows FTP (%s) from %s.", [r.address, concat(", ", [sprintf("%v", [p]) | some p in ports]), concat(" and ", lib.internet_ranges(entry.cidrs))]),
		"resource": r.address,
		"attribute": sprintf("ingress.%v", [i]),
		"aliases": acl_check_ids(t, entry, ports),
	}
}

# The FTP ports an allowing entry from the internet admits, sorted; undefined
# when it admits none.
open_ports(e) := ports if {
	lower(e.action) == "allow"
	lib.internet_ranges(e.cidrs)
	ports := sort([p | some p, _ in ftp_ports; admits(e, p)])
	count(ports) > 0
}

admits(e, _) if all_protocols(e.protocol)

admits(e, port) if {
	tcp_or_udp(e.protocol)
	is_number(e.from)
	is_number(e.to)
	e.from <= port
	port <= e.to
}

# The checks' ids for the ports they would also report: the entry names
# 0.0.0.0/0 or ::/0 itself, and a range starting at 0 counts only for every
# protocol.
check_ids(e, ports) := sort([ftp_ports[p] |
	some p in ports
	some c in e.cidrs
	lib.world_cidr(c)
	checkov_reads(e)
])

# Checkov's checks read aws_network_acl, not the default NACL.
acl_check_ids(t, e, ports) := check_ids(e, ports) if t == "aws_network_acl"

acl_check_ids(t, _, _) := [] if t != "aws_network_acl"

checkov_reads(e) if all_protocols(e.protocol)

checkov_reads(e) if e.from > 0

all_protocols(p) if p in {"-1", -1, "all"}

tcp_or_udp(p) if p in {"6", 6, "tcp", "17", 17, "udp"}
