# METADATA
# title: GKE nodes do not run the GKE metadata server
# description: >-
#   Unless `node_config.workload_metadata_config.mode` is GKE_METADATA, pods
#   reach the Compute Engine metadata server of their node: they can read the
#   node service account's token and the kube-env bootstrap credentials, and
#   Workload Identity does not apply to them. GCE_METADATA, MODE_UNSPECIFIED,
#   concealment (the old SECURE) and a node_config or workload_metadata_config
#   that the plan shows empty all fail. Judged on a cluster's `node_config`
#   (its default node pool), on the node pools written inside the cluster and
#   on each `google_container_node_pool`; a value known only after apply (as
#   for a block left to GKE) is not judged.
# custom:
#   id: PG-GCP-GKE-108
#   severity: high
#   category: iam
#   providers: [google]
#   resource_types: [google_container_cluster, google_container_node_pool]
#   aliases: []
#   narrower: [AVD-GCP-0057, CKV_GCP_69]
#   compliance:
#     - framework: CIS Google Kubernetes Engine Benchmark 1.5
#       control: "5.4.2"
#   remediation: >-
#     Enable Workload Identity on the cluster (`workload_identity_config`) and
#     set `node_config { workload_metadata_config { mode = "GKE_METADATA" } }`
#     on the cluster and every node pool.
package planguard.iam.gcp.gke_metadata_server

import data.planguard.lib

# What each resource type is called in a finding.
noun := {"google_container_cluster": "GKE cluster", "google_container_node_pool": "GKE node pool"}

# A node_config block that is planned but does not run the GKE metadata server.
deny contains finding if {
	some type, kind in noun
	some r in data.planguard.resources_by_type[type]
	some i, nc in object.get(r.after, "node_config", [])
	is_object(nc)
	not gke_metadata(nc)
	not metadata_pending(r, i)
	finding := {
		"msg": sprintf("%s %s lets pods reach the Compute Engine metadata server of their node (workload_metadata_config.mode is not GKE_METADATA).", [kind, r.address]),
		"resource": r.address,
		"attribute": sprintf("node_config.%v.workload_metadata_config", [i]),
		"aliases": array.concat(trivy_ids(nc), ["CKV_GCP_69"]),
	}
}

# A node pool written inside the cluster (node_pool blocks); Checkov does not read these.
deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	some p, pool in object.get(r.after, "node_pool", [])
	some i, nc in object.get(pool, "node_config", [])
	is_object(nc)
	not gke_metadata(nc)
	path := ["node_pool", p, "node_config", i, "workload_metadata_config"]
	not lib.pending(r, path)
	not lib.unknown_within(r, path)
	finding := {
		"msg": sprintf("GKE cluster %s has a node pool whose pods reach the Compute Engine metadata server of their node (workload_metadata_config.mode is not GKE_METADATA).", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
		"aliases": trivy_ids(nc),
	}
}

# No node_config at all (and none to come): the nodes take GKE's defaults.
deny contains finding if {
	some type, kind in noun
	some r in data.planguard.resources_by_type[type]
	object.get(r.after, "node_config", null) in {null, []}
	not lib.pending(r, ["node_config"])
	finding := {
		"msg": sprintf("%s %s plans no node_config: its nodes expose the Compute Engine metadata server unless the cluster's Workload Identity makes GKE choose its own.", [kind, r.address]),
		"resource": r.address,
		"attribute": "node_config",
		"aliases": ["CKV_GCP_69"],
	}
}

gke_metadata(nc) if {
	some w in object.get(nc, "workload_metadata_config", [])
	w.mode == "GKE_METADATA"
}

# Trivy's AVD-GCP-0057 fails a written workload_metadata_config whose
# node_metadata (or, without it, mode) is EXPOSE or UNSPECIFIED, both left out
# counting as UNSPECIFIED; it passes GCE_METADATA and concealment (SECURE).
trivy_ids(nc) := ["AVD-GCP-0057"] if {
	some w in object.get(nc, "workload_metadata_config", [])
	is_object(w)
	trivy_mode(w) in {"EXPOSE", "UNSPECIFIED"}
} else := []

trivy_mode(w) := m if {
	m := object.get(w, "node_metadata", null)
	m != null
} else := m if {
	m := object.get(w, "mode", null)
	m != null
} else := "UNSPECIFIED"

# Provider versions before 4.0 named the setting node_metadata.
gke_metadata(nc) if {
	some w in object.get(nc, "workload_metadata_config", [])
	w.node_metadata == "GKE_METADATA_SERVER"
}

metadata_pending(r, i) if lib.pending(r, ["node_config", i, "workload_metadata_config"])

metadata_pending(r, i) if lib.unknown_within(r, ["node_config", i, "workload_metadata_config"])
