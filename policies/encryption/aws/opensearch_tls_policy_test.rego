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

# Trivy reads aws_elasticsearch_domain only: AVD-AWS-0126 is named there alone.
trivy_case(t) := {t: [{
	"address": sprintf("%s.search", [t]),
	"config_address": sprintf("%s.search", [t]),
	"type": t,
	"after": {"domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}]},
	"unknown_paths": [],
}]}

test_elasticsearch_domain_finding_names_trivy if {
	some f in policy.deny with data.planguard.resources_by_type as trivy_case("aws_elasticsearch_domain")
	f.aliases == ["AVD-AWS-0126"]
}

test_opensearch_domain_finding_names_no_trivy_check if {
	some f in policy.deny with data.planguard.resources_by_type as trivy_case("aws_opensearch_domain")
	f.aliases == []
}
