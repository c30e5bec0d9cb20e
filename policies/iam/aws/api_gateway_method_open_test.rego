package planguard.iam.aws.api_gateway_method_open_test

import data.planguard.iam.aws.api_gateway_method_open as policy

method(after, unknown) := {"aws_api_gateway_method": [{
	"address": "aws_api_gateway_method.predict",
	"type": "aws_api_gateway_method",
	"after": after,
	"unknown_paths": unknown,
}]}

test_open_post_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as method({"http_method": "POST", "authorization": "NONE", "api_key_required": false}, [])
	some f in findings
	f.attribute == "authorization"
	contains(f.msg, "POST")
}

# An API key identifies the caller for usage plans; it does not authorize.
test_api_key_alone_is_still_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as method({"http_method": "GET", "authorization": "NONE", "api_key_required": true}, [])
}

test_iam_authorization_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as method({"http_method": "POST", "authorization": "AWS_IAM"}, [])
}

test_cors_preflight_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as method({"http_method": "OPTIONS", "authorization": "NONE"}, [])
}

test_authorization_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as method({"http_method": "POST"}, ["authorization"])
}
