# METADATA
# title: MySQL or PostgreSQL flexible server has neither a private endpoint nor VNet integration
# description: >-
#   A flexible server is kept off the internet in one of two ways: VNet
#   integration (delegated_subnet_id), which gives it no public endpoint at
#   all, or public access with a private endpoint that gives it an address
#   inside the virtual network. A server with neither is reported when no
#   azurerm_private_endpoint of the same configuration connects to it
#   (private_connection_resource_id refers to the server, or names its known
#   id). Defence in depth beside PG-AZURE-SQL-103, which judges the public
#   endpoint itself. An endpoint whose target is known only after apply, and
#   that may serve the server, leaves it undecided; so does a subnet known
#   only after apply. A finding names Checkov's CKV2_AZURE_56 (MySQL) or
#   CKV2_AZURE_57 (PostgreSQL) when no private endpoint of the configuration
#   refers to the server at all: Checkov counts a reference from any of an
#   endpoint's attributes as a connection.
# custom:
#   id: PG-AZURE-SQL-109
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_mysql_flexible_server, azurerm_postgresql_flexible_server]
#   aliases: []
#   narrower: [CKV2_AZURE_56, CKV2_AZURE_57]
#   remediation: >-
#     Deploy the server into a delegated subnet (`delegated_subnet_id` with a
#     private DNS zone), or add an `azurerm_private_endpoint` whose
#     `private_service_connection` has `private_connection_resource_id` set
#     to the server's `id` and `subresource_names = ["mysqlServer"]` (or
#     `["postgresqlServer"]`).
package planguard.network.azure.db_flexible_private_endpoint

import data.planguard.lib
import data.planguard.lib.azure_private_endpoint as pe

# Each server type: the subresource its endpoints connect to, and the
# Checkov check that judges that type alone.
servers := {
	"azurerm_mysql_flexible_server": {"subresource": "mysqlserver", "check": "CKV2_AZURE_56"},
	"azurerm_postgresql_flexible_server": {"subresource": "postgresqlserver", "check": "CKV2_AZURE_57"},
}

deny contains finding if {
	some type, server in servers
	some r in data.planguard.resources_by_type[type]
	not vnet_integrated(r)
	not lib.pending(r, ["delegated_subnet_id"])
	not pe.connected(r)
	not pe.undecided(r, {server.subresource})
	finding := object.union(
		{
			"msg": sprintf("Database server %s has neither VNet integration nor a private endpoint in this configuration.", [r.address]),
			"resource": r.address,
			"attribute": "delegated_subnet_id",
		},
		checkov_alias(r, server.check),
	)
}

# Checkov passes a server that any attribute of an endpoint refers to (its
# name, say), even when no connection of that endpoint targets the server.
checkov_alias(r, check) := {"aliases": [check]} if {
	not referred_by_endpoint(r)
} else := {}

referred_by_endpoint(r) if {
	some ref in object.get(data.planguard.referrers, r.config_address, [])
	ref.from_type == "azurerm_private_endpoint"
}

# A private endpoint cannot be added to such a server: it has no public endpoint to replace.
vnet_integrated(r) if lib.non_empty(object.get(r.after, "delegated_subnet_id", null))
