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

# Checkov's CKV_GCP_13 is named on the certificate, CKV_GCP_19 on basic authentication.
test_checkov_ids_are_named_per_credential if {
	some cert in policy.deny with data.planguard.resources_by_type as cluster({"master_auth": [{"client_certificate_config": [{"issue_client_certificate": true}]}]}, [])
	cert.aliases == ["CKV_GCP_13"]
	some basic in policy.deny with data.planguard.resources_by_type as cluster({"master_auth": [{"username": "admin", "client_certificate_config": [{"issue_client_certificate": false}]}]}, [])
	basic.aliases == ["CKV_GCP_19"]
}

# Checkov also fails a cluster without master_auth and a certificate left out: both
# mean no static credential (the secure default since GKE 1.19), which passes here.
test_credentials_left_out_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"master_auth": []}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"master_auth": [{"client_certificate_config": []}]}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({}, [])
}
