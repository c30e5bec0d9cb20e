# METADATA
# title: Cloud SQL instance is not encrypted with a customer-managed key
# description: >-
#   Cloud SQL backs experiment tracking, feature metadata and model
#   registries. Without `encryption_key_name` its disks and backups are
#   encrypted with Google-managed keys you cannot restrict or revoke.
# custom:
#   id: PG-GCP-SQL-101
#   severity: low
#   category: encryption
#   providers: [google]
#   resource_types: [google_sql_database_instance]
#   aliases: []
#   remediation: >-
#     Set `encryption_key_name` to a key in the instance's region (the
#     instance is replaced) after granting the Cloud SQL service agent access.
package planguard.encryption.gcp.cloudsql_cmek

import data.planguard.lib

types := ["google_sql_database_instance"]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not lib.non_empty(object.get(r.after, "encryption_key_name", null))
	not lib.pending(r, ["encryption_key_name"])
	finding := {
		"msg": sprintf("Cloud SQL instance %s is not encrypted with a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": "encryption_key_name",
	}
}
