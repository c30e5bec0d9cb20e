package planguard.network.aws.opensearch_domain_not_in_vpc_test

import data.planguard.lib.test as t
import data.planguard.network.aws.opensearch_domain_not_in_vpc as policy

vectors := "aws_opensearch_domain.vectors"

domain(after, unknown) := {"aws_opensearch_domain": [{
	"address": vectors,
	"config_address": vectors,
	"type": "aws_opensearch_domain",
	"after": after,
	"unknown_paths": unknown,
}]}

# The domain with its configuration's expressions (which attributes the author wrote).
configured(type, after, unknown, expressions) := {type: [{
	"address": sprintf("%s.vectors", [type]), "config_address": sprintf("%s.vectors", [type]), "type": type,
	"after": after, "unknown_paths": unknown, "expressions": expressions,
}]}

test_public_domain_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as domain({"domain_name": "vectors", "vpc_options": []}, [])
	t.assert_denied(findings, vectors, "vpc_options")
	# Checkov's CKV_AWS_137 fails a domain without vpc_options too: the finding names it.
	some f in findings
	f.aliases == ["CKV_AWS_137"]
}

test_vpc_domain_passes if {
	t.assert_count(policy.deny, 0) with data.planguard.resources_by_type as domain({"vpc_options": [{"subnet_ids": ["subnet-1", "subnet-2"], "security_group_ids": ["sg-1"]}]}, [])
}

test_vpc_domain_without_security_groups_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as domain({"vpc_options": [{"subnet_ids": ["subnet-1"], "security_group_ids": []}]}, [])
	t.assert_denied(findings, vectors, "vpc_options.0.security_group_ids")
	t.assert_count(findings, 1)
	# CKV_AWS_137 passes a domain with vpc_options: this finding does not name it.
	some f in findings
	object.get(f, "aliases", []) == []
}

# The provider computes the list: left out of the block it is unknown in the plan and takes the default (none).
test_security_groups_left_out_are_denied if {
	after := {"vpc_options": [{"subnet_ids": ["subnet-1"]}]}
	expressions := {"vpc_options": [{"subnet_ids": {"constant_value": ["subnet-1"]}}]}
	found := policy.deny with data.planguard.resources_by_type as configured("aws_elasticsearch_domain", after, ["vpc_options.0.security_group_ids"], expressions)
	t.assert_denied(found, "aws_elasticsearch_domain.vectors", "vpc_options.0.security_group_ids")
}

test_security_groups_by_reference_pass if {
	after := {"vpc_options": [{"subnet_ids": ["subnet-1"]}]}
	expressions := {"vpc_options": [{"security_group_ids": {"references": ["aws_security_group.search.id"]}}]}
	found := policy.deny with data.planguard.resources_by_type as configured("aws_opensearch_domain", after, ["vpc_options.0.security_group_ids"], expressions)
		with data.planguard.references as {vectors: [{"attribute": "vpc_options.security_group_ids", "to": "aws_security_group.search"}]}
	t.assert_count(found, 0)
}

test_security_groups_set_but_unknown_are_not_judged if {
	after := {"vpc_options": [{"subnet_ids": ["subnet-1"]}]}
	expressions := {"vpc_options": [{"security_group_ids": {"references": ["var.search_groups"]}}]}
	found := policy.deny with data.planguard.resources_by_type as configured("aws_opensearch_domain", after, ["vpc_options.0.security_group_ids"], expressions)
	t.assert_count(found, 0)
}

test_subnets_known_after_apply_pass if {
	t.assert_count(policy.deny, 0) with data.planguard.resources_by_type as domain({"vpc_options": [{"security_group_ids": ["sg-1"]}]}, ["vpc_options.0.subnet_ids"])
}

test_unknown_is_not_denied if {
	t.assert_count(policy.deny, 0) with data.planguard.resources_by_type as domain({}, ["vpc_options"])
}
