package planguard.iam.aws.s3_bucket_acls_enabled_test

import data.planguard.iam.aws.s3_bucket_acls_enabled as policy

controls(rule, unknown) := {"aws_s3_bucket_ownership_controls": [{
	"address": "aws_s3_bucket_ownership_controls.datasets",
	"type": "aws_s3_bucket_ownership_controls",
	"after": {"bucket": "ml-datasets", "rule": [rule]},
	"unknown_paths": unknown,
}]}

test_object_writer_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as controls({"object_ownership": "ObjectWriter"}, [])
	some f in findings
	f.attribute == "rule.0.object_ownership"
	contains(f.msg, "ObjectWriter")
}

test_bucket_owner_preferred_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as controls({"object_ownership": "BucketOwnerPreferred"}, [])
}

test_bucket_owner_enforced_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as controls({"object_ownership": "BucketOwnerEnforced"}, [])
}

test_ownership_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as controls({}, ["rule.0.object_ownership"])
}
