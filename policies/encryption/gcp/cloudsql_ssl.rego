# METADATA
# title: Cloud SQL instance accepts unencrypted connections
# description: >-
#   With `ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"` (the default) and no
#   `require_ssl`, clients may connect to the database behind an ML platform
#   in clear text, exposing credentials and query results on the network.
# custom:
#   id: PG-GCP-SQL-102
#   severity: medium
#   category: encryption
#   providers: [google]
#   resource_types: [google_sql_database_instance]
#   aliases: [AVD-GCP-0015]
#   related: [CKV_GCP_6]
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
	not lib.is_unknown(r, ["settings", i, "ip_configuration", j, "ssl_mode"])
	not lib.is_unknown(r, ["settings", i, "ip_configuration", j, "require_ssl"])
	allows_plaintext(ip)
	finding := {
		"msg": sprintf("Cloud SQL instance %s accepts connections without SSL/TLS.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("settings.%v.ip_configuration.%v.ssl_mode", [i, j]),
	}
}

# The SSL modes that refuse clear-text connections.
enforcing_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

# ssl_mode decides when it is set; the deprecated require_ssl only when it is not.
allows_plaintext(ip) if {
	not object.get(ip, "ssl_mode", null) in enforcing_modes
	not legacy_require_ssl(ip)
}

legacy_require_ssl(ip) if {
	not lib.non_empty(object.get(ip, "ssl_mode", null))
	object.get(ip, "require_ssl", null) == true
}
