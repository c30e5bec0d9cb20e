package planguard.iam.gcp.gke_static_credentials_test

import data.planguard.iam.gcp.gke_static_credentials as policy

cluster(after, unknown) := {"google_container_cluster": [{
	"address": "google_container_cluster.training",
	"config_address": "google_container_cluster.training",
	"type": "google_container_cluster",
	"after": after,
	"unknown_paths": unknown,
}]}

test_client_certificate_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"master_auth": [{"client_certificate_config": [{"issue_client_certificate": true}]}]}, [])
	some f in findings
	f.attribute == "master_auth.0.client_certificate_config.0.issue_client_certificate"
}

test_basic_auth_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as cluster({"master_auth": [{"username": "admin", "password": "(sensitive value)", "client_certificate_config": [{"issue_client_certificate": false}]}]}, [])
}

test_no_static_credentials_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"master_auth": [{"client_certificate_config": [{"issue_client_certificate": false}]}]}, [])
}

test_unknown_certificate_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"master_auth": [{"client_certificate_config": [{}]}]}, ["master_auth.0.client_certificate_config.0.issue_client_certificate"])
}
