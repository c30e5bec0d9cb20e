package planguard.network.gcp.subnet_private_google_access_test

import data.planguard.network.gcp.subnet_private_google_access as policy

subnet(after, unknown) := {"google_compute_subnetwork": [{
	"address": "google_compute_subnetwork.training",
	"config_address": "google_compute_subnetwork.training",
	"type": "google_compute_subnetwork",
	"after": after,
	"unknown_paths": unknown,
}]}

test_off_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as subnet({"private_ip_google_access": false}, [])
	some f in findings
	f.attribute == "private_ip_google_access"
}

test_on_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({"private_ip_google_access": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({}, ["private_ip_google_access"])
}
