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
	f.aliases == ["AVD-AWS-0004"]
}

# Left out, api_key_required is false: Trivy fails the method too.
test_open_method_without_key_names_trivy if {
	findings := policy.deny with data.planguard.resources_by_type as method({"http_method": "GET", "authorization": "NONE"}, [])
	[f.aliases | some f in findings] == [["AVD-AWS-0004"]]
}

# An API key identifies the caller for usage plans; it does not authorize.
# Trivy passes such a method, so its id is not named.
test_api_key_alone_is_still_denied if {
	findings := policy.deny with data.planguard.resources_by_type as method({"http_method": "GET", "authorization": "NONE", "api_key_required": true}, [])
	[f.aliases | some f in findings] == [[]]
}

test_api_key_known_after_apply_does_not_name_trivy if {
	findings := policy.deny with data.planguard.resources_by_type as method({"http_method": "GET", "authorization": "NONE"}, ["api_key_required"])
	[f.aliases | some f in findings] == [[]]
}

test_iam_authorization_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as method({"http_method": "POST", "authorization": "AWS_IAM"}, [])
}

# Trivy fails this one too (its exemption compares with "OPTION").
test_cors_preflight_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as method({"http_method": "OPTIONS", "authorization": "NONE"}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as method({"http_method": "OPTIONS", "authorization": "NONE", "api_key_required": false}, [])
}

test_authorization_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as method({"http_method": "POST"}, ["authorization"])
}
