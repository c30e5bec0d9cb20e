package planguard.network.gcp.gke_private_nodes_test

import data.planguard.network.gcp.gke_private_nodes as policy

cluster(after, unknown) := {"google_container_cluster": [{
	"address": "google_container_cluster.training",
	"config_address": "google_container_cluster.training",
	"type": "google_container_cluster",
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_nodes_are_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"private_cluster_config": []}, [])
	some f in findings
	f.attribute == "private_cluster_config"
}

test_private_nodes_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"private_cluster_config": [{"enable_private_nodes": true}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({}, ["private_cluster_config"])
}

# Checkov's CKV_GCP_25 and CKV_GCP_64 fail only a cluster without the block.
test_checkov_ids_only_without_the_block if {
	some f in policy.deny with data.planguard.resources_by_type as cluster({"private_cluster_config": []}, [])
	f.aliases == ["CKV_GCP_25", "CKV_GCP_64"]
	some g in policy.deny with data.planguard.resources_by_type as cluster({"private_cluster_config": [{"enable_private_nodes": false}]}, [])
	g.aliases == []
}
