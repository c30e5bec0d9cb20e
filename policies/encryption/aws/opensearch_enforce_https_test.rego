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
