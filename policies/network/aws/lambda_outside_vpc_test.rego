package planguard.network.aws.lambda_outside_vpc_test

import data.planguard.network.aws.lambda_outside_vpc as policy

fn(after, unknown) := {"aws_lambda_function": [{
	"address": "aws_lambda_function.preprocess",
	"type": "aws_lambda_function",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_vpc_config_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as fn({"function_name": "preprocess", "runtime": "python3.12"}, [])
	some f in findings
	f.attribute == "vpc_config"
}

test_empty_vpc_config_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as fn({"function_name": "preprocess", "vpc_config": []}, [])
}

test_in_vpc_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fn({"vpc_config": [{"subnet_ids": ["subnet-1"], "security_group_ids": ["sg-1"]}]}, [])
}

test_vpc_config_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fn({"function_name": "preprocess"}, ["vpc_config"])
}
