# METADATA
# title: Azure SQL server allows public network access
# description: >-
#   With public network access (the default) the server's public endpoint
#   accepts connections from any address its firewall rules allow; one
#   broad rule then exposes feature and metadata databases. The legacy
#   azurerm_sql_server (removed in azurerm 4.0) has no such setting: its
#   server keeps Azure's default, public network access on, so it is always
#   reported. Findings on azurerm_mssql_server name Checkov's CKV_AZURE_113,
#   which judges that type alone.
# custom:
#   id: PG-AZURE-SQL-102
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_mssql_server, azurerm_sql_server]
#   aliases: [AVD-AZU-0022]
#   narrower: [CKV_AZURE_113]
#   remediation: >-
#     Set `public_network_access_enabled = false` and connect through a
#     private endpoint; replace a legacy `azurerm_sql_server` with
#     `azurerm_mssql_server` to be able to.
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
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("SQL server %s is reachable through its public endpoint.", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
		"aliases": ["CKV_AZURE_113"],
	}
}

# The legacy resource cannot turn public network access off: Azure creates
# the server with it on, and the provider never sends the setting.
deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_sql_server
	finding := {
		"msg": sprintf("SQL server %s is a legacy azurerm_sql_server, which cannot turn public network access off: it is reachable through its public endpoint.", [r.address]),
		"resource": r.address,
		"attribute": "id",
	}
}
