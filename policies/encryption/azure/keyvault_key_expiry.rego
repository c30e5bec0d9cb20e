# METADATA
# title: Key Vault key has no expiration date
# description: >-
#   Keys without `expiration_date` stay valid forever; an expiry forces
#   rotation of the keys that wrap storage, disk and workspace encryption
#   keys, and limits how long a leaked key is useful.
# custom:
#   id: PG-AZURE-KEYVAULT-102
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_key_vault_key]
#   aliases: [CKV_AZURE_40, AVD-AZU-0014]
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "8.1"
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "8.2"
#   remediation: Set `expiration_date` (RFC 3339) and a `rotation_policy` that rotates before it.
package planguard.encryption.azure.keyvault_key_expiry

import data.planguard.lib

types := ["azurerm_key_vault_key"]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not lib.non_empty(object.get(r.after, "expiration_date", null))
	not lib.pending(r, ["expiration_date"])
	finding := {
		"msg": sprintf("Key Vault key %s has no expiration date.", [r.address]),
		"resource": r.address,
		"attribute": "expiration_date",
	}
}
