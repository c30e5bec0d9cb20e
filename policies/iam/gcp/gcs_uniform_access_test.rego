package planguard.iam.gcp.gcs_uniform_access_test

import data.planguard.iam.gcp.gcs_uniform_access as policy

bucket(after, unknown) := {"google_storage_bucket": [{
	"address": "google_storage_bucket.models",
	"config_address": "google_storage_bucket.models",
	"type": "google_storage_bucket",
	"after": after,
	"unknown_paths": unknown,
}]}

test_fine_grained_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as bucket({"uniform_bucket_level_access": false}, [])
	some f in findings
	f.attribute == "uniform_bucket_level_access"
}

test_uniform_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as bucket({"uniform_bucket_level_access": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as bucket({}, ["uniform_bucket_level_access"])
}
