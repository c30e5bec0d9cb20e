# METADATA
# title: Cognitive Services or Azure OpenAI account is not encrypted with a customer-managed key
# description: >-
#   Without a customer-managed key the account's stored data (fine-tuning
#   files, fine-tuned models, batch inputs and outputs) is encrypted with a
#   Microsoft-managed key the team cannot rotate, disable or revoke. A key
#   set in the account's customer_managed_key block or by an
#   azurerm_cognitive_account_customer_managed_key resource that refers to
#   the account counts. Left out, the account uses Microsoft-managed keys.
# custom:
#   id: PG-AZURE-COGNITIVE-104
#   severity: low
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_cognitive_account, azurerm_cognitive_account_customer_managed_key]
#   aliases: [CKV2_AZURE_22]
#   defaults:
#     - azurerm_cognitive_account customer_managed_key
#   remediation: >-
#     Add `customer_managed_key { key_vault_key_id = ..., identity_client_id = ... }`
#     or an azurerm_cognitive_account_customer_managed_key resource for the
#     account (it needs a managed identity with access to the key).
package planguard.encryption.azure.cognitive_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_cognitive_account
	count(lib.referrers_of_type(r, "azurerm_cognitive_account_customer_managed_key")) == 0
	keys := lib.effective(r, ["customer_managed_key"])
	not keyed(r, keys)
	finding := {
		"msg": sprintf("Cognitive Services account %s is not encrypted with a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": "customer_managed_key",
	}
}

keyed(_, keys) if {
	some k in keys
	id := object.get(k, "key_vault_key_id", null)
	is_string(id)
	id != ""
}

# A key id set by reference is known only after apply.
keyed(r, keys) if {
	some i, _ in keys
	lib.is_unknown(r, ["customer_managed_key", i, "key_vault_key_id"])
}
