package planguard.iam.gcp.gcs_public_access_prevention_test

import data.planguard.iam.gcp.gcs_public_access_prevention as policy

bucket(after, unknown) := {"google_storage_bucket": [{
	"address": "google_storage_bucket.models",
	"config_address": "google_storage_bucket.models",
	"type": "google_storage_bucket",
	"after": after,
	"unknown_paths": unknown,
}]}

test_inherited_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as bucket({"public_access_prevention": "inherited"}, [])
	some f in findings
	f.attribute == "public_access_prevention"
}

test_enforced_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as bucket({"public_access_prevention": "enforced"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as bucket({}, ["public_access_prevention"])
}
