# METADATA
# title: GKE nodes run as the Compute Engine default service account
# description: >-
#   Node pools whose `node_config.service_account` is "default" (or the
#   PROJECT_NUMBER-compute@ account) give every pod that reaches the
#   metadata server the default account's usually Editor-level access to
#   the project. GPU training pools are a favourite target.
# custom:
#   id: PG-GCP-GKE-102
#   severity: medium
#   category: iam
#   providers: [google]
#   resource_types: [google_container_node_pool, google_container_cluster]
#   aliases: []
#   related: [AVD-GCP-0050]
#   remediation: >-
#     Create a minimal node service account (roles/container.defaultNodeServiceAccount)
#     and set `node_config { service_account = google_service_account.<name>.email }`;
#     give pods their own identities with Workload Identity.
package planguard.iam.gcp.gke_default_service_account

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_node_pool
	some i, nc in object.get(r.after, "node_config", [])
	default_account(object.get(nc, "service_account", null))
	not lib.pending(r, ["node_config", i, "service_account"])
	finding := {
		"msg": sprintf("GKE node pool %s runs its nodes as the Compute Engine default service account.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("node_config.%v.service_account", [i]),
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	not lib.is_true(r, ["enable_autopilot"])
	some i, nc in object.get(r.after, "node_config", [])
	default_account(object.get(nc, "service_account", null))
	object.get(r.after, "remove_default_node_pool", false) != true
	not lib.pending(r, ["node_config", i, "service_account"])
	finding := {
		"msg": sprintf("GKE cluster %s runs its default node pool as the Compute Engine default service account.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("node_config.%v.service_account", [i]),
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	some p, pool in object.get(r.after, "node_pool", [])
	some i, nc in object.get(pool, "node_config", [])
	default_account(object.get(nc, "service_account", null))
	not lib.pending(r, ["node_pool", p, "node_config", i, "service_account"])
	finding := {
		"msg": sprintf("GKE cluster %s has a node pool running as the Compute Engine default service account.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("node_pool.%v.node_config.%v.service_account", [p, i]),
	}
}

default_account(sa) if sa == "default"

default_account(sa) if {
	is_string(sa)
	regex.match(`^[0-9]+-compute@developer\.gserviceaccount\.com$`, sa)
}
