package planguard.network.aws.sagemaker_notebook_imdsv1_test

import data.planguard.network.aws.sagemaker_notebook_imdsv1 as policy

notebook(after, unknown, expressions) := {"aws_sagemaker_notebook_instance": [{
	"address": "aws_sagemaker_notebook_instance.lab",
	"config_address": "aws_sagemaker_notebook_instance.lab",
	"type": "aws_sagemaker_notebook_instance",
	"after": object.union({"name": "lab", "instance_type": "ml.t3.medium"}, after),
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

imds(version) := {"instance_metadata_service_configuration": [{"minimum_instance_metadata_service_version": version}]}

test_version_1_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as notebook(imds("1"), [], {})
	count(findings) == 1
	some f in findings
	f.resource == "aws_sagemaker_notebook_instance.lab"
	f.attribute == "instance_metadata_service_configuration.minimum_instance_metadata_service_version"
}

test_block_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as notebook({"instance_metadata_service_configuration": []}, [], {"name": {"constant_value": "lab"}})
}

# Written without the version, which the provider computes: the API's default, IMDSv1.
test_version_left_out_takes_the_default_and_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as notebook(
		{"instance_metadata_service_configuration": [{}]},
		["instance_metadata_service_configuration.0.minimum_instance_metadata_service_version"],
		{"instance_metadata_service_configuration": [{}]},
	)
}

test_version_2_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as notebook(imds("2"), [], {})
}

# Set by the author to an expression known only after apply.
test_version_set_but_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as notebook(
		{"instance_metadata_service_configuration": [{}]},
		["instance_metadata_service_configuration.0.minimum_instance_metadata_service_version"],
		{"instance_metadata_service_configuration": [{"minimum_instance_metadata_service_version": {"references": ["var.imds_version"]}}]},
	)
}

# Newer providers compute the block: left out of the configuration, it is unknown in the plan.
test_block_left_out_and_computed_takes_the_default_and_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as notebook({}, ["instance_metadata_service_configuration"], {"name": {"constant_value": "lab"}})
}

# The block written by a dynamic block (absent from expressions) stays undecided.
test_block_unknown_without_configuration_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as notebook({}, ["instance_metadata_service_configuration"], null)
}
