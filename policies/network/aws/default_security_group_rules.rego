# METADATA
# title: Default security group allows traffic
# description: >-
#   Resources launched without a security group land in the VPC's default
#   group. If that group has rules, a forgotten `vpc_security_group_ids`
#   silently opens the instance, endpoint or notebook. CIS asks that the
#   default group restrict all traffic.
# custom:
#   id: PG-AWS-NET-102
#   severity: low
#   category: network
#   providers: [aws]
#   resource_types: [aws_default_security_group]
#   aliases: [CKV2_AWS_12, AVD-AWS-0173]
#   compliance:
#     - framework: CIS AWS Foundations 3.0
#       control: "5.4"
#   remediation: Declare `aws_default_security_group` with no `ingress` and no `egress` blocks, and give every resource its own security group.
package planguard.network.aws.default_security_group_rules

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_default_security_group
	some direction in ["ingress", "egress"]
	not lib.is_unknown(r, [direction])
	count(object.get(r.after, direction, [])) > 0
	finding := {
		"msg": sprintf("Default security group %s has %s rules; it should allow no traffic.", [r.address, direction]),
		"resource": r.address,
		"attribute": direction,
	}
}
