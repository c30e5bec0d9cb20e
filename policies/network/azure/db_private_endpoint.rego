# METADATA
# title: MySQL or PostgreSQL single server has no private endpoint in the configuration
# description: >-
#   A private endpoint gives the database server an address inside the
#   virtual network, so clients reach it without crossing the internet, and
#   lets the public endpoint be closed. A server is reported when no
#   azurerm_private_endpoint of the same configuration connects to it
#   (private_connection_resource_id refers to the server, or names its known
#   id). Defence in depth beside PG-AZURE-SQL-103, which judges the public
#   endpoint itself. An endpoint whose target is known only after apply, and
#   that may serve the server, leaves it undecided. Flexible servers are
#   PG-AZURE-SQL-109's.
# custom:
#   id: PG-AZURE-SQL-108
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_mysql_server, azurerm_postgresql_server]
#   aliases: []
#   narrower: [CKV2_AZURE_44, CKV2_AZURE_42]
#   remediation: >-
#     Add an `azurerm_private_endpoint` whose `private_service_connection`
#     has `private_connection_resource_id` set to the server's `id` and
#     `subresource_names = ["mysqlServer"]` (or `["postgresqlServer"]`), or
#     waive the rule for a server whose endpoint is managed in another
#     configuration.
package planguard.network.azure.db_private_endpoint

import data.planguard.lib.azure_private_endpoint as pe

# Each server type: the subresource its endpoints connect to, and the
# Checkov check that judges that type alone (named on its findings).
servers := {
	"azurerm_mysql_server": {"subresource": "mysqlserver", "check": "CKV2_AZURE_44"},
	"azurerm_postgresql_server": {"subresource": "postgresqlserver", "check": "CKV2_AZURE_42"},
}

deny contains finding if {
	some type, server in servers
	some r in data.planguard.resources_by_type[type]
	not pe.connected(r)
	not pe.undecided(r, {server.subresource})
	finding := {
		"msg": sprintf("Database server %s has no private endpoint in this configuration.", [r.address]),
		"resource": r.address,
		"attribute": "id",
		"aliases": [server.check],
	}
}
