package planguard.iam.gcp.gke_legacy_abac_test

import data.planguard.iam.gcp.gke_legacy_abac as policy

cluster(after, unknown) := {"google_container_cluster": [{
	"address": "google_container_cluster.training",
	"config_address": "google_container_cluster.training",
	"type": "google_container_cluster",
	"after": after,
	"unknown_paths": unknown,
}]}

test_abac_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"enable_legacy_abac": true}, [])
	some f in findings
	f.attribute == "enable_legacy_abac"
}

test_rbac_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"enable_legacy_abac": false}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({}, ["enable_legacy_abac"])
}
