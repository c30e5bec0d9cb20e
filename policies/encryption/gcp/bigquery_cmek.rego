# METADATA
# title: BigQuery dataset or table is not encrypted with a customer-managed key
# description: >-
#   Feature tables and training extracts in BigQuery are encrypted with
#   Google-managed keys unless the dataset sets
#   `default_encryption_configuration` (inherited by new tables) or the table
#   sets `encryption_configuration`. A table is reported only when its
#   dataset is in the plan without a default key.
# custom:
#   id: PG-GCP-BIGQUERY-101
#   severity: low
#   category: encryption
#   providers: [google]
#   resource_types: [google_bigquery_dataset, google_bigquery_table]
#   aliases: [CKV_GCP_81]
#   related: [CKV_GCP_80]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "7.2"
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "7.3"
#   remediation: >-
#     Set `default_encryption_configuration { kms_key_name = ... }` on the
#     dataset (or `encryption_configuration` on the table) and grant the
#     BigQuery service account encrypter/decrypter on the key.
package planguard.encryption.gcp.bigquery_cmek

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_bigquery_dataset
	not dataset_has_key(r)
	finding := {
		"msg": sprintf("BigQuery dataset %s has no default customer-managed encryption key.", [r.address]),
		"resource": r.address,
		"attribute": "default_encryption_configuration",
	}
}

deny contains finding if {
	some t in data.planguard.resources_by_type.google_bigquery_table
	not keyed(t, "encryption_configuration")
	some ref in data.planguard.references[t.config_address]
	ref.attribute == "dataset_id"
	some d in data.planguard.resources_by_type.google_bigquery_dataset
	d.config_address == ref.to
	not dataset_has_key(d)
	finding := {
		"msg": sprintf("BigQuery table %s is not encrypted with a customer-managed key, and neither is its dataset.", [t.address]),
		"resource": t.address,
		"attribute": "encryption_configuration",
	}
}

dataset_has_key(r) if keyed(r, "default_encryption_configuration")

keyed(r, block) if {
	some b in object.get(r.after, block, [])
	lib.non_empty(object.get(b, "kms_key_name", null))
}

keyed(r, block) if lib.refers_to(r, concat(".", [block, "kms_key_name"]))

keyed(r, block) if lib.unknown_within(r, [block])
