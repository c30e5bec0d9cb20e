# METADATA
# title: Cosmos DB account allows public network access
# description: >-
#   With public network access on (the provider's default) the account's
#   public endpoint accepts requests from any address its IP and virtual
#   network filters admit; with it off the account is reached through
#   private endpoints only.
# custom:
#   id: PG-AZURE-COSMOS-102
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_cosmosdb_account]
#   aliases: [CKV_AZURE_101]
#   defaults:
#     - azurerm_cosmosdb_account public_network_access_enabled
#   remediation: >-
#     Set `public_network_access_enabled = false` and add an
#     azurerm_private_endpoint for the account.
package planguard.network.azure.cosmosdb_public_network_access

import data.planguard.lib

types := ["azurerm_cosmosdb_account"]

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
		"msg": sprintf("Cosmos DB account %s accepts requests on its public endpoint.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
