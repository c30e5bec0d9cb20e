# METADATA
# title: Filestore instance is not encrypted with a customer-managed key
# description: >-
#   Filestore shares are the usual shared home and dataset mount for
#   training clusters and notebooks. Without `kms_key_name` they are
#   encrypted with Google-managed keys you cannot restrict or revoke.
# custom:
#   id: PG-GCP-FILESTORE-101
#   severity: low
#   category: encryption
#   providers: [google]
#   resource_types: [google_filestore_instance]
#   aliases: []
#   remediation: >-
#     Set `kms_key_name` (Enterprise, Zonal and Regional tiers) when creating
#     the instance; it is replaced otherwise.
package planguard.encryption.gcp.filestore_cmek

import data.planguard.lib

types := ["google_filestore_instance"]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not lib.non_empty(object.get(r.after, "kms_key_name", null))
	not lib.pending(r, ["kms_key_name"])
	finding := {
		"msg": sprintf("Filestore instance %s is not encrypted with a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_name",
	}
}
