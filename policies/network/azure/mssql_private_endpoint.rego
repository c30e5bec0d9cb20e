# METADATA
# title: SQL server has no private endpoint in the configuration
# description: >-
#   A private endpoint gives the SQL server behind feature stores and
#   experiment metadata an address inside the virtual network, so pipelines
#   reach it without crossing the internet, and lets the public endpoint be
#   closed. The server is reported when no azurerm_private_endpoint of the
#   same configuration connects to it (private_connection_resource_id
#   refers to the server, or names its known id). Defence in depth beside
#   PG-AZURE-SQL-102, which judges the public endpoint itself. An endpoint
#   whose target is known only after apply, and that may serve the server,
#   leaves it undecided.
# custom:
#   id: PG-AZURE-SQL-107
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_mssql_server]
#   aliases: [CKV2_AZURE_45]
#   remediation: >-
#     Add an `azurerm_private_endpoint` whose `private_service_connection`
#     has `private_connection_resource_id = azurerm_mssql_server.<name>.id`
#     and `subresource_names = ["sqlServer"]`, or waive the rule for a server
#     whose endpoint is managed in another configuration.
package planguard.network.azure.mssql_private_endpoint

import data.planguard.lib.azure_private_endpoint as pe

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_mssql_server
	not pe.connected(r)
	not pe.undecided(r, {"sqlserver"})
	finding := {
		"msg": sprintf("SQL server %s has no private endpoint in this configuration.", [r.address]),
		"resource": r.address,
		"attribute": "id",
	}
}
