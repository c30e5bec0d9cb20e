package planguard.iam.gcp.gke_default_service_account_test

import data.planguard.iam.gcp.gke_default_service_account as policy

pool(nc, unknown) := {"google_container_node_pool": [{
	"address": "google_container_node_pool.gpu",
	"config_address": "google_container_node_pool.gpu",
	"type": "google_container_node_pool",
	"after": {"node_config": [nc]},
	"unknown_paths": unknown,
}]}

test_default_pool_account_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as pool({"service_account": "default", "machine_type": "a2-highgpu-1g"}, [])
	some f in findings
	f.attribute == "node_config.0.service_account"
}

test_default_compute_email_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as pool({"service_account": "123456789012-compute@developer.gserviceaccount.com"}, [])
}

test_inline_pool_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as {"google_container_cluster": [{
		"address": "google_container_cluster.c",
		"config_address": "google_container_cluster.c",
		"type": "google_container_cluster",
		"after": {"remove_default_node_pool": true, "node_config": [{"service_account": "default"}], "node_pool": [{"node_config": [{"service_account": "default"}]}]},
		"unknown_paths": [],
	}]}
}

test_dedicated_account_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as pool({"service_account": "gke-nodes@p.iam.gserviceaccount.com"}, [])
}

test_unknown_account_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as pool({}, ["node_config.0.service_account"])
}
