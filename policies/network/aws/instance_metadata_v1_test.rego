package planguard.network.aws.instance_metadata_v1_test

import data.planguard.network.aws.instance_metadata_v1 as policy

instance(options, unknown) := {"aws_instance": [{
	"address": "aws_instance.gpu",
	"config_address": "aws_instance.gpu",
	"type": "aws_instance",
	"after": {"metadata_options": options},
	"unknown_paths": unknown,
}]}

test_optional_tokens_are_denied if {
	findings := policy.deny with data.planguard.resources_by_type as instance([{"http_endpoint": "enabled", "http_tokens": "optional"}], [])
	some f in findings
	f.resource == "aws_instance.gpu"
	f.attribute == "metadata_options.0.http_tokens"
}

test_launch_template_is_checked if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as {"aws_launch_template": [{
		"address": "aws_launch_template.nodes", "config_address": "aws_launch_template.nodes", "type": "aws_launch_template",
		"after": {"metadata_options": [{"http_tokens": "optional"}]}, "unknown_paths": [],
	}]}
}

test_required_tokens_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as instance([{"http_endpoint": "enabled", "http_tokens": "required"}], [])
}

test_disabled_endpoint_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as instance([{"http_endpoint": "disabled", "http_tokens": "optional"}], [])
}

test_unknown_tokens_are_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as instance([{"http_endpoint": "enabled"}], ["metadata_options.0.http_tokens"])
}

optional := [{"http_endpoint": "enabled", "http_tokens": "optional"}]

one(type, address) := {type: [{
	"address": address, "config_address": address, "type": type,
	"after": {"metadata_options": optional}, "unknown_paths": [],
}]}

test_instance_finding_names_checkov_and_trivy if {
	some f in policy.deny with data.planguard.resources_by_type as instance(optional, [])
	f.aliases == ["AVD-AWS-0028", "CKV_AWS_79"]
}

test_instance_from_a_template_block_is_judged_by_trivy_on_the_template if {
	refs := {"aws_instance.gpu": [{"attribute": "launch_template.0.id", "to": "aws_launch_template.nodes"}]}
	some f in policy.deny with data.planguard.resources_by_type as instance(optional, [])
		with data.planguard.references as refs
	f.aliases == ["CKV_AWS_79"]
}

test_launch_template_finding_names_checkov_and_trivy if {
	some f in policy.deny with data.planguard.resources_by_type as one("aws_launch_template", "aws_launch_template.nodes")
	f.aliases == ["AVD-AWS-0130", "CKV_AWS_79"]
}

test_launch_configuration_finding_names_trivy_only if {
	some f in policy.deny with data.planguard.resources_by_type as one("aws_launch_configuration", "aws_launch_configuration.old")
	f.aliases == ["AVD-AWS-0130"]
}
