package planguard.encryption.aws.api_gateway_domain_tls_test

import data.planguard.encryption.aws.api_gateway_domain_tls as policy

domain(after, unknown) := {"aws_api_gateway_domain_name": [{
	"address": "aws_api_gateway_domain_name.inference",
	"config_address": "aws_api_gateway_domain_name.inference",
	"type": "aws_api_gateway_domain_name",
	"after": after,
	"unknown_paths": unknown,
}]}

test_tls_1_0_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as domain({"domain_name": "api.example.com", "security_policy": "TLS_1_0"}, [])
	some f in findings
	f.resource == "aws_api_gateway_domain_name.inference"
	f.attribute == "security_policy"
}

test_tls_1_2_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({"security_policy": "TLS_1_2"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({}, ["security_policy"])
}
