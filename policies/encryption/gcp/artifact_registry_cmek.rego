# METADATA
# title: Artifact Registry repository is not encrypted with a customer-managed key
# description: >-
#   Repositories hold training and serving images, Python wheels and model
#   packages. Without `kms_key_name` they are encrypted with Google-managed
#   keys you cannot restrict or revoke.
# custom:
#   id: PG-GCP-ARTIFACT-101
#   severity: low
#   category: encryption
#   providers: [google]
#   resource_types: [google_artifact_registry_repository]
#   aliases: [CKV_GCP_84]
#   remediation: >-
#     Set `kms_key_name` when creating the repository (it cannot be added
#     later) and grant the Artifact Registry service agent access to the key.
package planguard.encryption.gcp.artifact_registry_cmek

import data.planguard.lib

types := ["google_artifact_registry_repository"]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not lib.non_empty(object.get(r.after, "kms_key_name", null))
	not lib.pending(r, ["kms_key_name"])
	finding := {
		"msg": sprintf("Artifact Registry repository %s is not encrypted with a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_name",
	}
}
