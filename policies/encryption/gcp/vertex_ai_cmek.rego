# METADATA
# title: Vertex AI resource is not encrypted with a customer-managed key
# description: >-
#   Vertex AI datasets, endpoints, featurestores, metadata stores and
#   TensorBoards hold training data, deployed models, feature values and
#   experiment lineage. Without `encryption_spec.kms_key_name` they are
#   encrypted with Google-managed keys you cannot restrict or revoke.
# custom:
#   id: PG-GCP-VERTEX-101
#   severity: low
#   category: encryption
#   providers: [google]
#   resource_types: [google_vertex_ai_dataset, google_vertex_ai_endpoint, google_vertex_ai_featurestore, google_vertex_ai_metadata_store, google_vertex_ai_tensorboard]
#   aliases: [CKV_GCP_92, CKV_GCP_96, CKV2_GCP_24, CKV2_GCP_25, CKV2_GCP_26]
#   remediation: >-
#     Add `encryption_spec { kms_key_name = google_kms_crypto_key.<name>.id }`
#     with a key in the same region (the resource is replaced), and grant the
#     Vertex AI service agent encrypter/decrypter on it.
package planguard.encryption.gcp.vertex_ai_cmek

import data.planguard.lib

types := [
	"google_vertex_ai_dataset",
	"google_vertex_ai_endpoint",
	"google_vertex_ai_featurestore",
	"google_vertex_ai_metadata_store",
	"google_vertex_ai_tensorboard",
]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not has_key(r)
	finding := {
		"msg": sprintf("Vertex AI resource %s is not encrypted with a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": "encryption_spec",
	}
}

has_key(r) if {
	some b in object.get(r.after, "encryption_spec", [])
	lib.non_empty(object.get(b, "kms_key_name", null))
}

has_key(r) if lib.refers_to(r, "encryption_spec.kms_key_name")

has_key(r) if lib.unknown_in_blocks(r, "encryption_spec", "kms_key_name")
