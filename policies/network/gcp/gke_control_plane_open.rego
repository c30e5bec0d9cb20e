# METADATA
# title: GKE control plane is reachable from the whole internet
# description: >-
#   A cluster without a private endpoint and without master authorized
#   networks (or with 0.0.0.0/0 among them) exposes the Kubernetes API of
#   the training or serving cluster to every address on the internet;
#   credential leaks and API vulnerabilities become directly exploitable.
# custom:
#   id: PG-GCP-GKE-105
#   severity: high
#   category: network
#   providers: [google]
#   resource_types: [google_container_cluster]
#   aliases: []
#   related: [AVD-GCP-0053]
#   narrower: [AVD-GCP-0061, CKV_GCP_18, CKV_GCP_20]
#   remediation: >-
#     Add `master_authorized_networks_config` with the CIDR blocks of your
#     offices, VPN or CI, or set `private_cluster_config.enable_private_endpoint = true`.
package planguard.network.gcp.gke_control_plane_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	not private_endpoint(r)
	not lib.is_unknown(r, ["master_authorized_networks_config"])
	count(object.get(r.after, "master_authorized_networks_config", [])) == 0
	finding := {
		"msg": sprintf("GKE cluster %s exposes its control plane to the internet without authorized networks.", [r.address]),
		"resource": r.address,
		"attribute": "master_authorized_networks_config",
		"aliases": ["AVD-GCP-0061", "CKV_GCP_20"],
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	not private_endpoint(r)
	some i, cfg in object.get(r.after, "master_authorized_networks_config", [])
	blocks := object.get(cfg, "cidr_blocks", [])
	world := lib.internet_ranges([object.get(block, "cidr_block", null) | some block in blocks])
	j := min({k | some k, block in blocks; object.get(block, "cidr_block", null) in world})
	finding := {
		"msg": sprintf("GKE cluster %s authorizes the internet (%s) to reach its control plane.", [r.address, concat(", ", world)]),
		"resource": r.address,
		"attribute": sprintf("master_authorized_networks_config.%v.cidr_blocks.%v.cidr_block", [i, j]),
		"aliases": checkov_world_ids(blocks),
	}
}

# Checkov's CKV_GCP_18 looks for 0.0.0.0/0 written in a cidr_block (not for
# ranges that add up to the internet), on any cluster; with a private
# endpoint the list only narrows which internal addresses reach the API.
checkov_world_ids(blocks) := ["CKV_GCP_18"] if {
	some block in blocks
	contains(object.get(block, "cidr_block", ""), "0.0.0.0/0")
} else := []

private_endpoint(r) if {
	some p in object.get(r.after, "private_cluster_config", [])
	object.get(p, "enable_private_endpoint", false) == true
}

private_endpoint(r) if {
	some i, _ in object.get(r.after, "private_cluster_config", [])
	lib.is_unknown(r, ["private_cluster_config", i, "enable_private_endpoint"])
}

private_endpoint(r) if lib.is_unknown(r, ["private_cluster_config"])
