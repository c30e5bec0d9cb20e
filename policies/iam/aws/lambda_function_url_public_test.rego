package planguard.iam.aws.lambda_function_url_public_test

import data.planguard.iam.aws.lambda_function_url_public as policy

url(after, unknown) := {"aws_lambda_function_url": [{
	"address": "aws_lambda_function_url.predict",
	"config_address": "aws_lambda_function_url.predict",
	"type": "aws_lambda_function_url",
	"after": after,
	"unknown_paths": unknown,
}]}

test_none_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as url({"authorization_type": "NONE", "function_name": "predict"}, [])
	some f in findings
	f.resource == "aws_lambda_function_url.predict"
	f.attribute == "authorization_type"
}

test_iam_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as url({"authorization_type": "AWS_IAM"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as url({}, ["authorization_type"])
}
