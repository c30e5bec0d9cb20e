# METADATA
# title: Security group opens plain HTTP (port 80) to the internet
# description: >-
#   Port 80 open to the internet serves unencrypted HTTP straight from the
#   instances or tasks behind the group: notebooks, model servers and
#   dashboards answer without TLS and without the load balancer, WAF or
#   CloudFront that should front them. Public web traffic belongs on a load
#   balancer's HTTPS listener, which reaches the targets from inside the VPC.
#   Checkov's CKV_AWS_260 is named on the findings it also raises.
# custom:
#   id: PG-AWS-NET-109
#   severity: low
#   category: network
#   providers: [aws]
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   aliases: []
#   narrower: [CKV_AWS_260]
#   remediation: >-
#     Remove the 0.0.0.0/0 (and ::/0) source from port 80 and let the load
#     balancer's security group reach the targets instead.
package planguard.network.aws.security_group_http_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_security_group
	not lib.is_unknown(r, ["ingress"])
	some i, b in object.get(r.after, "ingress", [])
	http(object.get(b, "protocol", null), object.get(b, "from_port", null), object.get(b, "to_port", null))
	world := lib.internet_ranges(array.concat(list(b, "cidr_blocks"), list(b, "ipv6_cidr_blocks")))
	finding := {
		"msg": sprintf("Security group %s opens port 80 (HTTP) to the internet (%s).", [r.address, concat(", ", world)]),
		"resource": r.address,
		"attribute": sprintf("ingress.%v", [i]),
		"aliases": [id | id := "CKV_AWS_260"; checkov_fails_block(r, i, b)],
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_security_group_rule
	r.after.type == "ingress"
	http(object.get(r.after, "protocol", null), object.get(r.after, "from_port", null), object.get(r.after, "to_port", null))
	world := lib.internet_ranges(array.concat(list(r.after, "cidr_blocks"), list(r.after, "ipv6_cidr_blocks")))
	finding := {
		"msg": sprintf("Security group rule %s opens port 80 (HTTP) to the internet (%s).", [r.address, concat(", ", world)]),
		"resource": r.address,
		"attribute": "cidr_blocks",
		"aliases": [id | id := "CKV_AWS_260"; not lib.is_true(r, ["self"]); checkov_violates(r.after, false)],
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_vpc_security_group_ingress_rule
	http(object.get(r.after, "ip_protocol", null), object.get(r.after, "from_port", null), object.get(r.after, "to_port", null))
	some attribute in ["cidr_ipv4", "cidr_ipv6"]
	world := lib.internet_ranges([object.get(r.after, attribute, null)])
	finding := {
		"msg": sprintf("Security group rule %s opens port 80 (HTTP) to the internet (%s).", [r.address, concat(", ", world)]),
		"resource": r.address,
		"attribute": attribute,
		"aliases": [id | id := "CKV_AWS_260"; checkov_violates(vpc_entry(r.after), true)],
	}
}

# A TCP port range that includes 80.
http(protocol, from, to) if {
	protocol in {"tcp", "6", 6}
	is_number(from)
	is_number(to)
	from <= 80
	80 <= to
}

list(obj, k) := v if {
	v := obj[k]
	is_array(v)
} else := []

# Checkov's CKV_AWS_260 (its AbsSecurityGroupUnrestrictedIngress with port 80),
# read from its code: a port range holding 80 (0-0 counts as every port),
# whatever the protocol; no prefix list named; and a source that is
# literally 0.0.0.0/0, or ::/0 except in a VPC ingress rule's cidr_ipv6,
# which it reads as a list and misses. In a group it stops at the first
# ingress block with `self = true` (a pass) or the first that breaks it.
checkov_fails_block(r, i, b) if {
	checkov_violates(b, false)
	blocks := object.get(r.after, "ingress", [])
	not self_at_or_before(blocks, i)
}

self_at_or_before(blocks, i) if {
	some j, b in blocks
	j <= i
	object.get(b, "self", false) == true
}

checkov_violates(e, vpc) if {
	count(list(e, "prefix_list_ids")) == 0
	holds_port_80(object.get(e, "from_port", null), object.get(e, "to_port", null))
	literal_world(e, vpc)
}

holds_port_80(0, 0) := true

holds_port_80(from, to) if {
	is_number(from)
	is_number(to)
	from <= 80
	80 <= to
}

literal_world(e, _) if "0.0.0.0/0" in list(e, "cidr_blocks")

literal_world(e, false) if {
	some c in list(e, "ipv6_cidr_blocks")
	c in {"::/0", "0000:0000:0000:0000:0000:0000:0000:0000/0"}
}

# A VPC ingress rule in the shape of a group's ingress block.
vpc_entry(after) := {
	"from_port": object.get(after, "from_port", null),
	"to_port": object.get(after, "to_port", null),
	"cidr_blocks": [c | c := object.get(after, "cidr_ipv4", null); is_string(c)],
}
