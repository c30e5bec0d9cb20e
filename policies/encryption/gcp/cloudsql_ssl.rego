# METADATA
# title: Cloud SQL instance accepts unencrypted connections
# description: >-
#   With `ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"` (the default) and no
#   `require_ssl`, clients may connect to the database behind an ML platform
#   in clear text, exposing credentials and query results on the network.
#   An `ssl_mode` or a whole `ip_configuration` left out of the configuration
#   takes that default too.
# custom:
#   id: PG-GCP-SQL-102
#   severity: medium
#   category: encryption
#   providers: [google]
#   resource_types: [google_sql_database_instance]
#   aliases: [AVD-GCP-0015]
#   narrower: [CKV_GCP_6]
#   defaults:
#     - google_sql_database_instance settings.ip_configuration
#     - google_sql_database_instance settings.ip_configuration.ssl_mode
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "6.4"
#   remediation: >-
#     Set `settings.ip_configuration.ssl_mode = "ENCRYPTED_ONLY"` (or
#     "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"), or use the Cloud SQL Auth Proxy
#     connectors, which encrypt regardless.
package planguard.encryption.gcp.cloudsql_ssl

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_sql_database_instance
	some i, s in object.get(r.after, "settings", [])
	some j, ip in object.get(s, "ip_configuration", [])
	path := ["settings", i, "ip_configuration", j]
	not lib.is_unknown(r, array.concat(path, ["require_ssl"]))
	mode := lib.effective(r, array.concat(path, ["ssl_mode"]))
	not mode in enforcing_modes
	not legacy_require_ssl(ip)
	finding := {
		"msg": sprintf("Cloud SQL instance %s accepts connections without SSL/TLS.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("settings.%v.ip_configuration.%v.ssl_mode", [i, j]),
		"aliases": checkov_ids(ip),
	}
}

# No ip_configuration block at all: the instance takes every default,
# ALLOW_UNENCRYPTED_AND_ENCRYPTED among them.
deny contains finding if {
	some r in data.planguard.resources_by_type.google_sql_database_instance
	some i, s in object.get(r.after, "settings", [])
	lib.effective(r, ["settings", i, "ip_configuration"]) in {null, []}
	finding := {
		"msg": sprintf("Cloud SQL instance %s accepts connections without SSL/TLS (no ip_configuration: ssl_mode is ALLOW_UNENCRYPTED_AND_ENCRYPTED).", [r.address]),
		"resource": r.address,
		"attribute": sprintf("settings.%v.ip_configuration", [i]),
		"aliases": ["CKV_GCP_6"],
	}
}

enforcing_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

# The deprecated require_ssl (removed in provider 6.0) decides while ssl_mode is not set.
legacy_require_ssl(ip) if {
	not lib.non_empty(object.get(ip, "ssl_mode", null))
	object.get(ip, "require_ssl", null) == true
}

# Checkov's CKV_GCP_6 reads only require_ssl: it fails every finding here
# except an ssl_mode that allows plain text beside a require_ssl = true.
checkov_ids(ip) := [] if {
	object.get(ip, "require_ssl", null) == true
} else := ["CKV_GCP_6"]
