package planguard.network.aws.default_security_group_rules_test

import data.planguard.network.aws.default_security_group_rules as policy

sg(after, unknown) := {"aws_default_security_group": [{
	"address": "aws_default_security_group.default",
	"config_address": "aws_default_security_group.default",
	"type": "aws_default_security_group",
	"after": after,
	"unknown_paths": unknown,
}]}

test_rules_are_denied if {
	findings := policy.deny with data.planguard.resources_by_type as sg({"ingress": [{"protocol": "-1", "self": true, "from_port": 0, "to_port": 0}], "egress": [{"protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "from_port": 0, "to_port": 0}]}, [])
	count(findings) == 2
	some f in findings
	f.resource == "aws_default_security_group.default"
	f.attribute == "ingress"
}

test_empty_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as sg({"ingress": [], "egress": []}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as sg({"vpc_id": "vpc-1"}, ["ingress", "egress"])
}
