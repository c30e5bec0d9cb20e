# METADATA
# title: GKE cluster has legacy ABAC authorization enabled
# description: >-
#   With `enable_legacy_abac = true` the static ABAC policy grants broad
#   permissions that bypass Kubernetes RBAC: any workload's service account
#   (a notebook, a training job) can read secrets and change the cluster.
# custom:
#   id: PG-GCP-GKE-103
#   severity: high
#   category: iam
#   providers: [google]
#   resource_types: [google_container_cluster]
#   aliases: [AVD-GCP-0062, CKV_GCP_7]
#   remediation: Set `enable_legacy_abac = false` (the default) and grant access with Kubernetes RBAC.
package planguard.iam.gcp.gke_legacy_abac

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	lib.is_true(r, ["enable_legacy_abac"])
	finding := {
		"msg": sprintf("GKE cluster %s has legacy ABAC authorization enabled.", [r.address]),
		"resource": r.address,
		"attribute": "enable_legacy_abac",
	}
}
