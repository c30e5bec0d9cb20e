# METADATA
# title: Security group allows all outbound traffic to the internet
# description: >-
#   Egress on every protocol to 0.0.0.0/0 or ::/0 lets a compromised training
#   node or notebook send data anywhere and fetch any payload. Where the
#   workload only needs AWS APIs and package mirrors, VPC endpoints and a
#   narrow egress list (or an egress proxy) contain exfiltration. Reported at
#   info: all-traffic egress is the AWS default and what most training jobs
#   need (package mirrors, model hubs), so it informs without failing a scan;
#   raise it with rules.severity in the config where egress must be narrow.
# custom:
#   id: PG-AWS-NET-103
#   severity: info
#   category: network
#   providers: [aws]
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_egress_rule]
#   aliases: []
#   related: [AVD-AWS-0104]
#   remediation: >-
#     Allow egress only to the ports and destinations the workload needs (443
#     to VPC endpoints or a proxy's security group) instead of all traffic to
#     the internet.
package planguard.network.aws.security_group_world_egress

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_security_group
	some i, b in object.get(r.after, "egress", [])
	all_protocols(object.get(b, "protocol", null))
	world := lib.internet_ranges(array.concat(list(b, "cidr_blocks"), list(b, "ipv6_cidr_blocks")))
	not lib.is_unknown(r, ["egress"])
	finding := {
		"msg": sprintf("Security group %s allows all outbound traffic to the internet (%s).", [r.address, concat(", ", world)]),
		"resource": r.address,
		"attribute": sprintf("egress.%v", [i]),
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_security_group_rule
	r.after.type == "egress"
	all_protocols(object.get(r.after, "protocol", null))
	world := lib.internet_ranges(array.concat(list(r.after, "cidr_blocks"), list(r.after, "ipv6_cidr_blocks")))
	finding := {
		"msg": sprintf("Security group rule %s allows all outbound traffic to the internet (%s).", [r.address, concat(", ", world)]),
		"resource": r.address,
		"attribute": "cidr_blocks",
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_vpc_security_group_egress_rule
	all_protocols(object.get(r.after, "ip_protocol", null))
	some attribute in ["cidr_ipv4", "cidr_ipv6"]
	world := lib.internet_ranges([object.get(r.after, attribute, null)])
	finding := {
		"msg": sprintf("Security group rule %s allows all outbound traffic to the internet (%s).", [r.address, concat(", ", world)]),
		"resource": r.address,
		"attribute": attribute,
	}
}

all_protocols(p) if p in {"-1", -1, "all"}

# The list at key k, or [] when it is absent or null.
list(obj, k) := v if {
	v := obj[k]
	is_array(v)
} else := []
