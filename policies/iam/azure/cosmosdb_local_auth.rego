# METADATA
# title: Cosmos DB account accepts account keys (local authentication)
# description: >-
#   With local authentication on (the provider's default) the account's
#   primary and secondary keys grant full data access to whoever holds them,
#   unattributed and until rotated; with it off only Entra ID identities
#   with Cosmos DB data-plane roles get in.
# custom:
#   id: PG-AZURE-COSMOS-103
#   severity: medium
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_cosmosdb_account]
#   aliases: [CKV_AZURE_140]
#   defaults:
#     - azurerm_cosmosdb_account local_authentication_disabled
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "4.5.3"
#   remediation: >-
#     Set `local_authentication_disabled = true` and grant applications
#     Cosmos DB data-plane roles through managed identities.
package planguard.iam.azure.cosmosdb_local_auth

import data.planguard.lib

types := ["azurerm_cosmosdb_account"]

paths := [["local_authentication_disabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value != true
	finding := {
		"msg": sprintf("Cosmos DB account %s accepts its account keys (local authentication is on).", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
