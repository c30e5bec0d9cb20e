# METADATA
# title: Cosmos DB account is not encrypted with a customer-managed key
# description: >-
#   Cosmos DB often backs online feature stores and vector indexes. Without
#   `key_vault_key_id` its data is encrypted with Microsoft-managed keys you
#   cannot restrict or revoke. The key can only be set when the account is
#   created.
# custom:
#   id: PG-AZURE-COSMOS-101
#   severity: low
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_cosmosdb_account]
#   aliases: [CKV_AZURE_100]
#   remediation: Set `key_vault_key_id` to a versionless Key Vault key ID (the account is replaced).
package planguard.encryption.azure.cosmosdb_cmk

import data.planguard.lib

types := ["azurerm_cosmosdb_account"]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not lib.non_empty(object.get(r.after, "key_vault_key_id", null))
	not lib.pending(r, ["key_vault_key_id"])
	finding := {
		"msg": sprintf("Cosmos DB account %s is not encrypted with a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": "key_vault_key_id",
	}
}
