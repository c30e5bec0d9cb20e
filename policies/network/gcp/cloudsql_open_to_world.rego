# METADATA
# title: Cloud SQL instance authorizes the whole internet
# description: >-
#   An authorized network of 0.0.0.0/0 on an instance with a public IP lets
#   anyone on the internet attempt to log in to the database behind the ML
#   platform (experiment tracking, feature metadata, model registry).
# custom:
#   id: PG-GCP-SQL-103
#   severity: high
#   category: network
#   providers: [google]
#   resource_types: [google_sql_database_instance]
#   aliases: [AVD-GCP-0017]
#   narrower: [CKV_GCP_11]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "6.5"
#   remediation: >-
#     Remove 0.0.0.0/0 from `authorized_networks`; connect through private
#     IP or the Cloud SQL Auth Proxy.
package planguard.network.gcp.cloudsql_open_to_world

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_sql_database_instance
	some i, s in object.get(r.after, "settings", [])
	some j, ip in object.get(s, "ip_configuration", [])
	object.get(ip, "ipv4_enabled", true) != false
	nets := object.get(ip, "authorized_networks", [])
	world := lib.internet_ranges([object.get(net, "value", null) | some net in nets])
	finding := {
		"msg": sprintf("Cloud SQL instance %s accepts connections from the internet (%s).", [r.address, concat(", ", world)]),
		"resource": r.address,
		"attribute": sprintf("settings.%v.ip_configuration.%v.authorized_networks.%v.value", [i, j, first_public(nets, world)]),
		"aliases": checkov_ids(i, j, nets),
	}
}

# Checkov's CKV_GCP_11 reads the first ip_configuration of the first settings
# block and fails a value ending in /0 (it also fails one on an instance whose
# public IP is off, where authorized networks admit nothing).
checkov_ids(i, j, nets) := ["CKV_GCP_11"] if {
	i == 0
	j == 0
	some net in nets
	endswith(object.get(net, "value", ""), "/0")
} else := []

# The first network that admits public addresses: where the finding points.
first_public(nets, world) := min({k | some k, net in nets; object.get(net, "value", null) in world})
