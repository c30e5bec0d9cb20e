# METADATA
# title: MySQL or PostgreSQL server allows public network access
# description: >-
#   A database server with public network access accepts connections on its
#   public endpoint from any address its firewall rules admit; with it off,
#   clients (feature pipelines, experiment trackers) reach it through
#   private endpoints or VNet integration only. The provider's default for
#   single servers is on; flexible servers are judged on the planned value.
#   PG-AZURE-SQL-102 judges SQL Server.
# custom:
#   id: PG-AZURE-SQL-103
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_mysql_server, azurerm_postgresql_server, azurerm_mysql_flexible_server, azurerm_postgresql_flexible_server]
#   aliases: [CKV_AZURE_53, CKV_AZURE_90, CKV_AZURE_68]
#   related: [AVD-AZU-0022]
#   defaults:
#     - azurerm_mysql_server public_network_access_enabled
#     - azurerm_postgresql_server public_network_access_enabled
#   remediation: >-
#     Set `public_network_access_enabled = false` and connect through a
#     private endpoint (single server) or a delegated subnet (flexible
#     server).
package planguard.network.azure.db_public_network_access

import data.planguard.lib

types := ["azurerm_mysql_server", "azurerm_postgresql_server", "azurerm_mysql_flexible_server", "azurerm_postgresql_flexible_server"]

paths := [["public_network_access_enabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == true
	finding := {
		"msg": sprintf("Database server %s accepts connections on its public endpoint.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
