# METADATA
# title: Dataproc cluster disks are not encrypted with a customer-managed key
# description: >-
#   Dataproc clusters run Spark feature engineering and preprocessing jobs
#   whose persistent disks hold intermediate data. Without
#   `cluster_config.encryption_config.kms_key_name` the disks use
#   Google-managed keys you cannot restrict or revoke.
# custom:
#   id: PG-GCP-DATAPROC-101
#   severity: low
#   category: encryption
#   providers: [google]
#   resource_types: [google_dataproc_cluster]
#   aliases: [CKV_GCP_91]
#   remediation: >-
#     Add `encryption_config { kms_key_name = google_kms_crypto_key.<name>.id }`
#     under `cluster_config` and grant the Compute Engine service agent access
#     to the key.
package planguard.encryption.gcp.dataproc_cmek

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_dataproc_cluster
	not lib.is_unknown(r, ["cluster_config"])
	some i, config in object.get(r.after, "cluster_config", [])
	not has_key(r, i, config)
	finding := {
		"msg": sprintf("Dataproc cluster %s does not encrypt its disks with a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("cluster_config.%v.encryption_config", [i]),
	}
}

has_key(_, _, config) if {
	some b in object.get(config, "encryption_config", [])
	lib.non_empty(object.get(b, "kms_key_name", null))
}

has_key(r, _, _) if lib.refers_to(r, "cluster_config.encryption_config.kms_key_name")

has_key(r, i, _) if lib.is_unknown(r, ["cluster_config", i, "encryption_config"])

has_key(r, i, _) if {
	some u in r.unknown_paths
	regex.match(sprintf(`^cluster_config\.%v\.encryption_config\.[0-9]+\.kms_key_name$`, [i]), u)
}
