package planguard.encryption.aws.opensearch_encryption_at_rest_test

import data.planguard.encryption.aws.opensearch_encryption_at_rest as policy

domain(t, after, unknown) := {t: [{
	"address": sprintf("%s.search", [t]),
	"config_address": sprintf("%s.search", [t]),
	"type": t,
	"after": after,
	"unknown_paths": unknown,
}]}

test_disabled_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as domain("aws_opensearch_domain", {"encrypt_at_rest": [{"enabled": false}]}, [])
	some f in findings
	f.resource == "aws_opensearch_domain.search"
	f.attribute == "encrypt_at_rest"
}

test_missing_block_on_elasticsearch_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as domain("aws_elasticsearch_domain", {"encrypt_at_rest": []}, [])
}

test_enabled_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain("aws_opensearch_domain", {"encrypt_at_rest": [{"enabled": true}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain("aws_opensearch_domain", {}, ["encrypt_at_rest"])
}

test_unknown_flag_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain("aws_opensearch_domain", {"encrypt_at_rest": [{}]}, ["encrypt_at_rest.0.enabled"])
}

# Trivy reads aws_elasticsearch_domain only: AVD-AWS-0048 is named there alone.
trivy_case(t) := {t: [{
	"address": sprintf("%s.search", [t]),
	"config_address": sprintf("%s.search", [t]),
	"type": t,
	"after": {"encrypt_at_rest": [{"enabled": false}]},
	"unknown_paths": [],
}]}

test_elasticsearch_domain_finding_names_trivy if {
	some f in policy.deny with data.planguard.resources_by_type as trivy_case("aws_elasticsearch_domain")
	f.aliases == ["AVD-AWS-0048"]
}

test_opensearch_domain_finding_names_no_trivy_check if {
	some f in policy.deny with data.planguard.resources_by_type as trivy_case("aws_opensearch_domain")
	f.aliases == []
}
