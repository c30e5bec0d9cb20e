package planguard.encryption.aws.cloudfront_viewer_https_test

import data.planguard.encryption.aws.cloudfront_viewer_https as policy

dist(after, unknown) := {"aws_cloudfront_distribution": [{
	"address": "aws_cloudfront_distribution.demo",
	"config_address": "aws_cloudfront_distribution.demo",
	"type": "aws_cloudfront_distribution",
	"after": after,
	"unknown_paths": unknown,
}]}

test_allow_all_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as dist({"default_cache_behavior": [{"viewer_protocol_policy": "allow-all"}]}, [])
	some f in findings
	f.resource == "aws_cloudfront_distribution.demo"
	f.attribute == "default_cache_behavior.0.viewer_protocol_policy"
}

test_ordered_behavior_is_checked if {
	findings := policy.deny with data.planguard.resources_by_type as dist({"default_cache_behavior": [{"viewer_protocol_policy": "https-only"}], "ordered_cache_behavior": [{"path_pattern": "/models/*", "viewer_protocol_policy": "allow-all"}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "ordered_cache_behavior.0.viewer_protocol_policy"
}

test_redirect_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as dist({"default_cache_behavior": [{"viewer_protocol_policy": "redirect-to-https"}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as dist({"default_cache_behavior": [{}]}, ["default_cache_behavior.0.viewer_protocol_policy"])
}
