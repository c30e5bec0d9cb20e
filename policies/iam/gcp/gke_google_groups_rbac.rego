# METADATA
# title: GKE cluster does not take RBAC groups from Google Groups
# description: >-
#   Without `authenticator_groups_config.security_group`
#   (gke-security-groups@yourdomain) Kubernetes RBAC can bind roles only to
#   individual users and service accounts, so access to the training and
#   serving namespaces is granted and revoked person by person instead of by
#   group membership. Left out, Google Groups for RBAC is off.
# custom:
#   id: PG-GCP-GKE-109
#   severity: low
#   category: iam
#   providers: [google]
#   resource_types: [google_container_cluster]
#   aliases: [CKV_GCP_65]
#   compliance:
#     - framework: CIS Google Kubernetes Engine Benchmark 1.5
#       control: "5.8.3"
#   remediation: >-
#     Create the gke-security-groups group in Google Workspace, nest the
#     groups that RBAC names in it, and set
#     `authenticator_groups_config { security_group = "gke-security-groups@example.com" }`.
package planguard.iam.gcp.gke_google_groups_rbac

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	not security_group(r)
	not lib.pending(r, ["authenticator_groups_config"])
	not lib.unknown_within(r, ["authenticator_groups_config"])
	finding := {
		"msg": sprintf("GKE cluster %s names no Google Groups security group, so RBAC cannot bind roles to groups.", [r.address]),
		"resource": r.address,
		"attribute": "authenticator_groups_config",
	}
}

security_group(r) if {
	some c in object.get(r.after, "authenticator_groups_config", [])
	lib.non_empty(object.get(c, "security_group", null))
}
