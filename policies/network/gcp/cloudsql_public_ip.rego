# METADATA
# title: Cloud SQL instance has a public IP address
# description: >-
#   `ipv4_enabled` (true by default) gives the instance a public IP address;
#   even with no authorized networks it is an internet-facing endpoint, and
#   one careless authorized network opens it. Databases of ML platforms
#   belong on private IP.
# custom:
#   id: PG-GCP-SQL-104
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_sql_database_instance]
#   aliases: [AVD-GCP-0017]
#   narrower: [CKV_GCP_60]
#   defaults:
#     - google_sql_database_instance settings.ip_configuration
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "6.6"
#   remediation: >-
#     Set `ipv4_enabled = false` with `private_network` (private services
#     access) or Private Service Connect, and connect through the Cloud SQL
#     Auth Proxy.
package planguard.network.gcp.cloudsql_public_ip

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_sql_database_instance
	some i, s in object.get(r.after, "settings", [])
	some j, ip in object.get(s, "ip_configuration", [])
	not lib.is_unknown(r, ["settings", i, "ip_configuration", j, "ipv4_enabled"])
	object.get(ip, "ipv4_enabled", true) != false
	finding := {
		"msg": sprintf("Cloud SQL instance %s has a public IP address.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("settings.%v.ip_configuration.%v.ipv4_enabled", [i, j]),
		"aliases": checkov_ids(r, ip),
	}
}

# Without ip_configuration the instance takes the API's default: a public IP.
deny contains finding if {
	some r in data.planguard.resources_by_type.google_sql_database_instance
	some i, _ in object.get(r.after, "settings", [])
	lib.effective(r, ["settings", i, "ip_configuration"]) in {null, []}
	finding := {
		"msg": sprintf("Cloud SQL instance %s has a public IP address (no ip_configuration: ipv4_enabled is true).", [r.address]),
		"resource": r.address,
		"attribute": sprintf("settings.%v.ip_configuration", [i]),
		"aliases": [],
	}
}

# Checkov's CKV_GCP_60 judges SQL Server instances only, and only an
# ipv4_enabled that the plan sets to true (the provider always plans one).
checkov_ids(r, ip) := ["CKV_GCP_60"] if {
	contains(object.get(r.after, "database_version", ""), "SQLSERVER")
	ip.ipv4_enabled == true
} else := []
