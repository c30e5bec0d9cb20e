package planguard.network.gcp.gke_control_plane_open_test

import data.planguard.network.gcp.gke_control_plane_open as policy

cluster(after, unknown) := {"google_container_cluster": [{
	"address": "google_container_cluster.serving",
	"config_address": "google_container_cluster.serving",
	"type": "google_container_cluster",
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_endpoint_without_networks_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"private_cluster_config": [], "master_authorized_networks_config": []}, [])
	some f in findings
	f.attribute == "master_authorized_networks_config"
}

test_world_authorized_network_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as cluster({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "0.0.0.0/0"}]}]}, [])
}

test_authorized_networks_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "203.0.113.0/24"}]}]}, [])
}

test_private_endpoint_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"private_cluster_config": [{"enable_private_endpoint": true, "enable_private_nodes": true}], "master_authorized_networks_config": []}, [])
}

test_unknown_networks_are_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({}, ["master_authorized_networks_config"])
}

# Checkov's CKV_GCP_20 and Trivy's AVD-GCP-0061 fail a cluster without authorized
# networks; CKV_GCP_18 fails 0.0.0.0/0 written in the list, not ranges that add up
# to the internet.
test_other_ids_are_named_on_the_findings_they_raise if {
	some none in policy.deny with data.planguard.resources_by_type as cluster({"master_authorized_networks_config": []}, [])
	none.aliases == ["AVD-GCP-0061", "CKV_GCP_20"]
	some world in policy.deny with data.planguard.resources_by_type as cluster({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "10.0.0.0/8"}, {"cidr_block": "0.0.0.0/0"}]}]}, [])
	world.aliases == ["CKV_GCP_18"]
	some halves in policy.deny with data.planguard.resources_by_type as cluster({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "0.0.0.0/1"}, {"cidr_block": "128.0.0.0/1"}]}]}, [])
	halves.aliases == []
}

# The checks also fail a private-endpoint cluster without authorized networks or
# with 0.0.0.0/0 among them: its control plane has no internet-facing endpoint.
test_private_endpoint_with_any_list_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"private_cluster_config": [{"enable_private_endpoint": true}], "master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "0.0.0.0/0"}]}]}, [])
}
