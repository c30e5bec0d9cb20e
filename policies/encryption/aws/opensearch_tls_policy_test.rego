package planguard.encryption.aws.opensearch_tls_policy_test

import data.planguard.encryption.aws.opensearch_tls_policy as policy

domain(after, unknown) := {"aws_opensearch_domain": [{
	"address": "aws_opensearch_domain.search",
	"config_address": "aws_opensearch_domain.search",
	"type": "aws_opensearch_domain",
	"after": after,
	"unknown_paths": unknown,
}]}

test_tls_1_0_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as domain({"domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}]}, [])
	some f in findings
	f.attribute == "domain_endpoint_options.0.tls_security_policy"
}

test_tls_1_2_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-PFS-2023-10"}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({"domain_endpoint_options": [{"enforce_https": true}]}, ["domain_endpoint_options.0.tls_security_policy"])
}
