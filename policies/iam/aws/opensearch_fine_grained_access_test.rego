package planguard.iam.aws.opensearch_fine_grained_access_test

import data.planguard.iam.aws.opensearch_fine_grained_access as policy

domain(after, unknown, expressions) := {"aws_opensearch_domain": [{
	"address": "aws_opensearch_domain.rag",
	"config_address": "aws_opensearch_domain.rag",
	"type": "aws_opensearch_domain",
	"after": object.union({"domain_name": "rag"}, after),
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

test_access_control_off_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as domain({"advanced_security_options": [{"enabled": false}]}, [], {})
	count(findings) == 1
	some f in findings
	f.attribute == "advanced_security_options.enabled"
}

# The provider computes the block: left out, it is unknown in the plan and takes the default (off).
test_block_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as domain({}, ["advanced_security_options"], {"domain_name": {"constant_value": "rag"}})
}

test_access_control_on_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({"advanced_security_options": [{"enabled": true}]}, [], {})
}

test_internal_user_database_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({"advanced_security_options": [{"enabled": false, "internal_user_database_enabled": true}]}, [], {})
}

test_enabled_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({"advanced_security_options": [{}]}, ["advanced_security_options.0.enabled"], {"advanced_security_options": [{"enabled": {"references": ["var.fgac"]}}]})
}

# Written by a dynamic block (absent from the configuration's expressions): not decided.
test_block_from_a_dynamic_block_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({}, ["advanced_security_options"], null)
}
