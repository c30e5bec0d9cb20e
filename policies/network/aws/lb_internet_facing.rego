# METADATA
# title: Load balancer is internet-facing
# description: >-
#   A load balancer without `internal = true` (the default is
#   internet-facing) gets public addresses and publishes whatever its
#   listeners forward to: a model endpoint, an experiment tracker or an
#   internal dashboard. Public APIs need this; everything else should be
#   internal. Confirm the exposure is meant, then suppress with a reason.
#   Gateway load balancers, which have no listeners of their own, are not
#   judged.
# custom:
#   id: PG-AWS-NET-111
#   severity: low
#   category: network
#   providers: [aws]
#   resource_types: [aws_lb, aws_alb]
#   aliases: [AVD-AWS-0053]
#   defaults:
#     - aws_lb internal
#     - aws_alb internal
#   remediation: >-
#     Set `internal = true` for load balancers that serve only the VPC, or
#     keep it public deliberately (HTTPS listener, WAF, authentication) and
#     record a waiver.
package planguard.network.aws.lb_internet_facing

import data.planguard.lib

deny contains finding if {
	some t in ["aws_lb", "aws_alb"]
	some r in data.planguard.resources_by_type[t]
	object.get(r.after, "load_balancer_type", "application") != "gateway"
	lib.effective(r, ["internal"]) == false
	finding := {
		"msg": sprintf("Load balancer %s is internet-facing.", [r.address]),
		"resource": r.address,
		"attribute": "internal",
	}
}
