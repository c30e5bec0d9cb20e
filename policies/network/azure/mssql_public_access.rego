# METADATA
# title: Azure SQL server allows public network access
# description: >-
#   With public network access (the default) the server's public endpoint
#   accepts connections from any address its firewall rules allow; one
#   broad rule then exposes feature and metadata databases.
# custom:
#   id: PG-AZURE-SQL-102
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_mssql_server]
#   aliases: [CKV_AZURE_113]
#   related: [CKV2_AZURE_45]
#   remediation: Set `public_network_access_enabled = false` and connect through a private endpoint.
package planguard.network.azure.mssql_public_access

import data.planguard.lib

types := ["azurerm_mssql_server"]

# Alternative names of the same setting across provider versions.
attrs := ["public_network_access_enabled"]

bad_values := {true}

# What the provider uses when the attribute is not set.
default_value := true

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not undecided(r)
	current(r) in bad_values
	finding := {
		"msg": sprintf("SQL server %s is reachable through its public endpoint.", [r.address]),
		"resource": r.address,
		"attribute": attribute(r),
	}
}

undecided(r) if {
	some a in attrs
	lib.is_unknown(r, [a])
}

undecided(r) if {
	some a in attrs
	lib.refers_to(r, a)
}

set_attrs(r) := [a | some a in attrs; object.get(r.after, a, null) != null]

current(r) := r.after[set_attrs(r)[0]] if count(set_attrs(r)) > 0

current(r) := default_value if count(set_attrs(r)) == 0

attribute(r) := set_attrs(r)[0] if count(set_attrs(r)) > 0

attribute(r) := attrs[0] if count(set_attrs(r)) == 0
