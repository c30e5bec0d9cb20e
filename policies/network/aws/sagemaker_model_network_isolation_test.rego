package planguard.network.aws.sagemaker_model_network_isolation_test

import data.planguard.network.aws.sagemaker_model_network_isolation as policy

model(after, unknown) := {"aws_sagemaker_model": [{
	"address": "aws_sagemaker_model.ranker",
	"config_address": "aws_sagemaker_model.ranker",
	"type": "aws_sagemaker_model",
	"after": after,
	"unknown_paths": unknown,
}]}

test_not_isolated_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as model({"enable_network_isolation": false}, [])
	some f in findings
	f.resource == "aws_sagemaker_model.ranker"
	f.attribute == "enable_network_isolation"
}

test_isolated_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as model({"enable_network_isolation": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as model({}, ["enable_network_isolation"])
}
