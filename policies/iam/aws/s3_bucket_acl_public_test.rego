package planguard.iam.aws.s3_bucket_acl_public_test

import data.planguard.iam.aws.s3_bucket_acl_public as policy

acl(after, unknown) := {"aws_s3_bucket_acl": [{
	"address": "aws_s3_bucket_acl.datasets",
	"config_address": "aws_s3_bucket_acl.datasets",
	"type": "aws_s3_bucket_acl",
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_read_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as acl({"acl": "public-read"}, [])
	some f in findings
	f.resource == "aws_s3_bucket_acl.datasets"
	f.attribute == "acl"
	f.severity == "high"
}

test_public_read_write_is_critical if {
	findings := policy.deny with data.planguard.resources_by_type as acl({"acl": "public-read-write"}, [])
	some f in findings
	f.severity == "critical"
}

test_all_users_grant_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as acl({"access_control_policy": [{"grant": [
		{"grantee": [{"type": "CanonicalUser", "id": "abc"}], "permission": "FULL_CONTROL"},
		{"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}], "permission": "READ"},
	]}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "access_control_policy.0.grant.1"
	f.severity == "high"
}

test_legacy_inline_acl_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as {"aws_s3_bucket": [{
		"address": "aws_s3_bucket.old", "config_address": "aws_s3_bucket.old", "type": "aws_s3_bucket",
		"after": {"acl": "public-read"}, "unknown_paths": [],
	}]}
}

test_private_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as acl({"acl": "private"}, [])
}

test_log_delivery_grant_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as acl({"access_control_policy": [{"grant": [
		{"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"}], "permission": "WRITE"},
	]}]}, [])
}

test_unknown_acl_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as acl({}, ["acl"])
}
