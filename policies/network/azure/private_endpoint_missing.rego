# METADATA
# title: Data service has no private endpoint in the plan
# description: >-
#   Storage accounts, key vaults and database servers that no
#   azurerm_private_endpoint in the plan connects to are reached through
#   their public endpoints (or not at all once public access is off), so
#   training jobs and notebooks send datasets, secrets and queries over
#   public addresses. A flexible server injected into a delegated subnet is
#   private without one and passes. A private endpoint managed in another
#   configuration is invisible to this plan: suppress the rule there.
# custom:
#   id: PG-AZURE-PRIVATELINK-101
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_storage_account, azurerm_key_vault, azurerm_mssql_server, azurerm_mysql_server, azurerm_postgresql_server, azurerm_mysql_flexible_server, azurerm_postgresql_flexible_server, azurerm_private_endpoint]
#   aliases: [CKV2_AZURE_33, CKV2_AZURE_32, CKV2_AZURE_45, CKV2_AZURE_44, CKV2_AZURE_42, CKV2_AZURE_56, CKV2_AZURE_57]
#   remediation: >-
#     Add an azurerm_private_endpoint whose private_service_connection points
#     at the resource (private_connection_resource_id), with a private DNS
#     zone group, and turn public network access off.
package planguard.network.azure.private_endpoint_missing

import data.planguard.lib

types := [
	"azurerm_storage_account", "azurerm_key_vault", "azurerm_mssql_server", "azurerm_mysql_server",
	"azurerm_postgresql_server", "azurerm_mysql_flexible_server", "azurerm_postgresql_flexible_server",
]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	count(lib.referrers_of_type(r, "azurerm_private_endpoint")) == 0
	not vnet_injected(r)
	finding := {
		"msg": sprintf("%s has no private endpoint in this plan; clients reach it over its public endpoint.", [r.address]),
		"resource": r.address,
		"attribute": "",
	}
}

# A flexible server deployed into a delegated subnet has only a private address.
vnet_injected(r) if {
	id := object.get(r.after, "delegated_subnet_id", null)
	is_string(id)
	id != ""
}

vnet_injected(r) if lib.is_unknown(r, ["delegated_subnet_id"])
