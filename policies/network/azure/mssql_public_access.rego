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
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("SQL server %s is reachable through its public endpoint.", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
