# METADATA
# title: GKE nodes get public IP addresses
# description: >-
#   Without `private_cluster_config.enable_private_nodes` every node,
#   including GPU training nodes, gets an external IP address and is
#   reachable from the internet whenever a firewall rule allows it.
#   PG-GPU-010 also reports GPU node pools.
# custom:
#   id: PG-GCP-GKE-106
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_container_cluster]
#   aliases: [AVD-GCP-0059]
#   narrower: [CKV_GCP_25, CKV_GCP_64]
#   remediation: >-
#     Set `private_cluster_config { enable_private_nodes = true }` (with a
#     `master_ipv4_cidr_block` on older versions) and give nodes outbound
#     access through Cloud NAT.
package planguard.network.gcp.gke_private_nodes

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	not lib.is_unknown(r, ["private_cluster_config"])
	not private_nodes(r)
	finding := {
		"msg": sprintf("GKE cluster %s gives its nodes public IP addresses.", [r.address]),
		"resource": r.address,
		"attribute": "private_cluster_config",
		"aliases": checkov_ids(r),
	}
}

# Checkov's CKV_GCP_25 and CKV_GCP_64 pass any private_cluster_config block:
# they fail only a cluster that has none.
checkov_ids(r) := ["CKV_GCP_25", "CKV_GCP_64"] if {
	object.get(r.after, "private_cluster_config", null) in {null, []}
} else := []

private_nodes(r) if {
	some p in object.get(r.after, "private_cluster_config", [])
	object.get(p, "enable_private_nodes", false) == true
}

private_nodes(r) if {
	some i, _ in object.get(r.after, "private_cluster_config", [])
	lib.is_unknown(r, ["private_cluster_config", i, "enable_private_nodes"])
}
