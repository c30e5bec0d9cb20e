package planguard.encryption.aws.opensearch_enforce_https_test

import data.planguard.encryption.aws.opensearch_enforce_https as policy

domain(after, unknown) := {"aws_elasticsearch_domain": [{
	"address": "aws_elasticsearch_domain.logs",
	"config_address": "aws_elasticsearch_domain.logs",
	"type": "aws_elasticsearch_domain",
	"after": after,
	"unknown_paths": unknown,
}]}

test_http_allowed_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as domain({"domain_endpoint_options": [{"enforce_https": false}]}, [])
	some f in findings
	f.resource == "aws_elasticsearch_domain.logs"
}

test_enforced_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({"domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({}, ["domain_endpoint_options"])
}

# Trivy reads aws_elasticsearch_domain only: AVD-AWS-0046 is named there alone.
trivy_case(t) := {t: [{
	"address": sprintf("%s.search", [t]),
	"config_address": sprintf("%s.search", [t]),
	"type": t,
	"after": {"domain_endpoint_options": [{"enforce_https": false}]},
	"unknown_paths": [],
}]}

test_elasticsearch_domain_finding_names_trivy if {
	some f in policy.deny with data.planguard.resources_by_type as trivy_case("aws_elasticsearch_domain")
	f.aliases == ["AVD-AWS-0046"]
}

test_opensearch_domain_finding_names_no_trivy_check if {
	some f in policy.deny with data.planguard.resources_by_type as trivy_case("aws_opensearch_domain")
	f.aliases == []
}
