package planguard.network.aws.sagemaker_model_no_vpc_test

import data.planguard.network.aws.sagemaker_model_no_vpc as policy

model(after, unknown) := {"aws_sagemaker_model": [{
	"address": "aws_sagemaker_model.ranker",
	"config_address": "aws_sagemaker_model.ranker",
	"type": "aws_sagemaker_model",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_vpc_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as model({"vpc_config": [], "enable_network_isolation": false}, [])
	some f in findings
	f.resource == "aws_sagemaker_model.ranker"
	f.attribute == "vpc_config"
}

test_vpc_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as model({"vpc_config": [{"subnets": ["subnet-1"], "security_group_ids": ["sg-1"]}], "enable_network_isolation": false}, [])
}

test_isolated_model_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as model({"vpc_config": [], "enable_network_isolation": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as model({"enable_network_isolation": false}, ["vpc_config"])
}
