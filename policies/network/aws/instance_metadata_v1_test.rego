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
