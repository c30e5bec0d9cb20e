package planguard.encryption.aws.opensearch_node_to_node_encryption_test

import data.planguard.encryption.aws.opensearch_node_to_node_encryption as policy

domain(after, unknown) := {"aws_opensearch_domain": [{
	"address": "aws_opensearch_domain.search",
	"config_address": "aws_opensearch_domain.search",
	"type": "aws_opensearch_domain",
	"after": after,
	"unknown_paths": unknown,
}]}

test_disabled_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as domain({"node_to_node_encryption": [{"enabled": false}]}, [])
	some f in findings
	f.attribute == "node_to_node_encryption"
}

test_enabled_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({"node_to_node_encryption": [{"enabled": true}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({}, ["node_to_node_encryption"])
}

# Trivy reads aws_elasticsearch_domain only: AVD-AWS-0043 is named there alone.
trivy_case(t) := {t: [{
	"address": sprintf("%s.search", [t]),
	"config_address": sprintf("%s.search", [t]),
	"type": t,
	"after": {"node_to_node_encryption": [{"enabled": false}]},
	"unknown_paths": [],
}]}

test_elasticsearch_domain_finding_names_trivy if {
	some f in policy.deny with data.planguard.resources_by_type as trivy_case("aws_elasticsearch_domain")
	f.aliases == ["AVD-AWS-0043"]
}

test_opensearch_domain_finding_names_no_trivy_check if {
	some f in policy.deny with data.planguard.resources_by_type as trivy_case("aws_opensearch_domain")
	f.aliases == []
}
