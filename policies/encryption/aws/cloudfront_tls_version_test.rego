package planguard.encryption.aws.cloudfront_tls_version_test

import data.planguard.encryption.aws.cloudfront_tls_version as policy

dist(after, unknown) := {"aws_cloudfront_distribution": [{
	"address": "aws_cloudfront_distribution.api",
	"config_address": "aws_cloudfront_distribution.api",
	"type": "aws_cloudfront_distribution",
	"after": after,
	"unknown_paths": unknown,
}]}

test_tls1_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as dist({"viewer_certificate": [{"acm_certificate_arn": "arn:aws:acm:us-east-1:111122223333:certificate/c", "minimum_protocol_version": "TLSv1", "cloudfront_default_certificate": false}]}, [])
	some f in findings
	f.attribute == "viewer_certificate.0.minimum_protocol_version"
}

test_tls12_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as dist({"viewer_certificate": [{"acm_certificate_arn": "arn:aws:acm:us-east-1:111122223333:certificate/c", "minimum_protocol_version": "TLSv1.2_2021"}]}, [])
}

test_default_certificate_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as dist({"viewer_certificate": [{"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1"}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as dist({"viewer_certificate": [{"acm_certificate_arn": "arn:aws:acm:us-east-1:111122223333:certificate/c"}]}, ["viewer_certificate.0.minimum_protocol_version"])
}
