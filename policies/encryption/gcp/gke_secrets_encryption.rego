# METADATA
# title: GKE cluster does not encrypt Kubernetes secrets with a Cloud KMS key
# description: >-
#   Application-layer secrets encryption wraps the etcd data of Kubernetes
#   Secrets (registry credentials, API tokens, dataset credentials of
#   training jobs) with a Cloud KMS key you control. A cluster whose
#   `database_encryption.state` is not ENCRYPTED relies on Google's storage
#   encryption only.
# custom:
#   id: PG-GCP-GKE-101
#   severity: medium
#   category: encryption
#   providers: [google]
#   resource_types: [google_container_cluster]
#   aliases: []
#   remediation: >-
#     Add `database_encryption { state = "ENCRYPTED" key_name = google_kms_crypto_key.<name>.id }`
#     and grant the GKE service agent encrypter/decrypter on the key.
package planguard.encryption.gcp.gke_secrets_encryption

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	not lib.is_unknown(r, ["database_encryption"])
	some i, b in object.get(r.after, "database_encryption", [])
	not lib.is_unknown(r, ["database_encryption", i, "state"])
	object.get(b, "state", null) != "ENCRYPTED"
	finding := {
		"msg": sprintf("GKE cluster %s does not encrypt Kubernetes secrets with a Cloud KMS key.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("database_encryption.%v.state", [i]),
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	not lib.is_unknown(r, ["database_encryption"])
	count(object.get(r.after, "database_encryption", [])) == 0
	finding := {
		"msg": sprintf("GKE cluster %s does not encrypt Kubernetes secrets with a Cloud KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "database_encryption",
	}
}
