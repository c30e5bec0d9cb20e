# METADATA
# title: GKE cluster issues a client certificate or uses basic authentication
# description: >-
#   A client certificate (`master_auth.client_certificate_config.issue_client_certificate`)
#   or a basic-auth username/password is a static credential for the
#   Kubernetes API that cannot be revoked short of rotating the cluster's
#   credentials, and is stored in the Terraform state.
# custom:
#   id: PG-GCP-GKE-104
#   severity: high
#   category: iam
#   providers: [google]
#   resource_types: [google_container_cluster]
#   aliases: [AVD-GCP-0064]
#   narrower: [CKV_GCP_13, CKV_GCP_19]
#   remediation: >-
#     Set `issue_client_certificate = false` and drop `username`/`password`;
#     authenticate with Google identities (gcloud credentials, Workload
#     Identity) instead.
package planguard.iam.gcp.gke_static_credentials

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	some i, auth in object.get(r.after, "master_auth", [])
	some j, cert in object.get(auth, "client_certificate_config", [])
	object.get(cert, "issue_client_certificate", false) == true
	finding := {
		"msg": sprintf("GKE cluster %s issues a static client certificate for the Kubernetes API.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("master_auth.%v.client_certificate_config.%v.issue_client_certificate", [i, j]),
		"aliases": ["CKV_GCP_13"],
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	some i, auth in object.get(r.after, "master_auth", [])
	basic_auth(r, i, auth)
	finding := {
		"msg": sprintf("GKE cluster %s enables basic authentication with a static username and password.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("master_auth.%v.username", [i]),
		"aliases": ["CKV_GCP_19"],
	}
}

# Checkov's CKV_GCP_19 fails a username or a password; a password alone does
# not turn basic authentication on (the API needs the username), and a cluster
# without master_auth has none since GKE 1.19. CKV_GCP_13 fails unless
# issue_client_certificate is written as false; the API's default is false.
basic_auth(_, _, auth) if {
	u := object.get(auth, "username", "")
	lib.non_empty(u)
}

basic_auth(r, i, _) if lib.refers_to(r, "master_auth.username")
