package planguard.iam.aws.sagemaker_notebook_root_access_test

import data.planguard.iam.aws.sagemaker_notebook_root_access as policy

nb(after, unknown) := {"aws_sagemaker_notebook_instance": [{
	"address": "aws_sagemaker_notebook_instance.research",
	"config_address": "aws_sagemaker_notebook_instance.research",
	"type": "aws_sagemaker_notebook_instance",
	"after": after,
	"unknown_paths": unknown,
}]}

test_enabled_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as nb({"root_access": "Enabled"}, [])
	some f in findings
	f.resource == "aws_sagemaker_notebook_instance.research"
	f.attribute == "root_access"
}

test_disabled_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as nb({"root_access": "Disabled"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as nb({}, ["root_access"])
}
