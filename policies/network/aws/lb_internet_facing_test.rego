package planguard.network.aws.lb_internet_facing_test

import data.planguard.network.aws.lb_internet_facing as policy

lb(after, extra) := {"aws_lb": [object.union({
	"address": "aws_lb.inference",
	"type": "aws_lb",
	"after": object.union({"name": "inference", "load_balancer_type": "application"}, after),
	"unknown_paths": [],
}, extra)]}

test_public_lb_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as lb({"internal": false}, {})
	some f in findings
	f.attribute == "internal"
}

# Left out, the provider computes internal; its default is false (internet-facing).
test_left_out_is_denied if {
	l := lb({}, {"after_unknown": {"internal": true}, "expressions": {"name": {"constant_value": "inference"}}})
	count(policy.deny) == 1 with data.planguard.resources_by_type as l
}

test_internal_and_gateway_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as lb({"internal": true}, {})
	count(policy.deny) == 0 with data.planguard.resources_by_type as lb({"internal": false, "load_balancer_type": "gateway"}, {})
}

test_set_but_unknown_is_not_denied if {
	l := lb({}, {"after_unknown": {"internal": true}, "expressions": {"internal": {"references": ["var.internal"]}}})
	count(policy.deny) == 0 with data.planguard.resources_by_type as l
}
