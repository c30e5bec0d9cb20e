# METADATA
# title: Cloud Storage bucket has no default customer-managed key
# description: >-
#   Buckets hold datasets, checkpoints and exported models. Without
#   `encryption.default_kms_key_name` new objects are encrypted with
#   Google-managed keys, whose use you cannot restrict, audit in Cloud KMS or
#   revoke (crypto-shredding).
# custom:
#   id: PG-GCP-GCS-101
#   severity: low
#   category: encryption
#   providers: [google]
#   resource_types: [google_storage_bucket]
#   aliases: [AVD-GCP-0066, CKV_GCP_5]
#   remediation: >-
#     Add `encryption { default_kms_key_name = google_kms_crypto_key.<name>.id }`
#     and grant the Cloud Storage service agent encrypter/decrypter on the key.
package planguard.encryption.gcp.gcs_bucket_cmek

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_storage_bucket
	not has_key(r)
	not lib.refers_to(r, "encryption.default_kms_key_name")
	not lib.unknown_within(r, ["encryption"])
	finding := {
		"msg": sprintf("Cloud Storage bucket %s does not set a default customer-managed encryption key.", [r.address]),
		"resource": r.address,
		"attribute": "encryption",
	}
}

has_key(r) if {
	some b in object.get(r.after, "encryption", [])
	lib.non_empty(object.get(b, "default_kms_key_name", null))
}
