package planguard.network.gcp.ssl_policy_tls_test

import data.planguard.network.gcp.ssl_policy_tls as policy

ssl(after, unknown) := {"google_compute_ssl_policy": [{
	"address": "google_compute_ssl_policy.inference",
	"config_address": "google_compute_ssl_policy.inference",
	"type": "google_compute_ssl_policy",
	"after": after,
	"unknown_paths": unknown,
}]}

test_tls10_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as ssl({"min_tls_version": "TLS_1_0", "profile": "COMPATIBLE"}, [])
	some f in findings
	f.attribute == "min_tls_version"
}

test_tls12_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as ssl({"min_tls_version": "TLS_1_2", "profile": "MODERN"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as ssl({}, ["min_tls_version"])
}
