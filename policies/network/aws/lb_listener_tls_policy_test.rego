package planguard.network.aws.lb_listener_tls_policy_test

import data.planguard.network.aws.lb_listener_tls_policy as policy

listener(after, unknown) := {"aws_lb_listener": [{
	"address": "aws_lb_listener.https",
	"config_address": "aws_lb_listener.https",
	"type": "aws_lb_listener",
	"after": after,
	"unknown_paths": unknown,
}]}

test_2016_policy_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as listener({"protocol": "HTTPS", "port": 443, "ssl_policy": "ELBSecurityPolicy-2016-08"}, [])
	some f in findings
	f.resource == "aws_lb_listener.https"
	f.attribute == "ssl_policy"
}

test_tls13_1_0_policy_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as listener({"protocol": "TLS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-0-2021-06"}, [])
}

test_tls12_policy_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as listener({"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"}, [])
}

test_http_listener_is_not_judged_here if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as listener({"protocol": "HTTP", "ssl_policy": null}, [])
}

test_unknown_policy_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as listener({"protocol": "HTTPS"}, ["ssl_policy"])
}
