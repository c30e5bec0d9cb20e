# METADATA
# title: Storage account holding blob containers is not encrypted with a customer-managed key
# description: >-
#   Blob containers (datasets, checkpoints, model artifacts) in an account
#   without a customer-managed key are encrypted with a Microsoft-managed key
#   the team cannot rotate, disable or revoke. A key set in the account's
#   customer_managed_key block or by an azurerm_storage_account_customer_managed_key
#   resource that refers to the account counts. Accounts no container refers
#   to are left out. Left out, the account uses Microsoft-managed keys.
# custom:
#   id: PG-AZURE-STORAGE-110
#   severity: low
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_storage_account, azurerm_storage_container, azurerm_storage_account_customer_managed_key]
#   aliases: [AVD-AZU-0060]
#   related: [CKV2_AZURE_1]
#   defaults:
#     - azurerm_storage_account customer_managed_key
#   remediation: >-
#     Add `customer_managed_key { key_vault_key_id = ..., user_assigned_identity_id = ... }`
#     to the account, or an azurerm_storage_account_customer_managed_key
#     resource for it.
package planguard.encryption.azure.storage_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_storage_account
	count(lib.referrers_of_type(r, "azurerm_storage_container")) > 0
	count(lib.referrers_of_type(r, "azurerm_storage_account_customer_managed_key")) == 0
	keys := lib.effective(r, ["customer_managed_key"])
	not keyed(r, keys)
	finding := {
		"msg": sprintf("Storage account %s holds blob containers but is not encrypted with a customer-managed key.", [r.address]),
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

# A key id (or a managed HSM key id) set by reference is known only after apply.
keyed(r, keys) if {
	some i, _ in keys
	some a in ["key_vault_key_id", "managed_hsm_key_id"]
	lib.is_unknown(r, ["customer_managed_key", i, a])
}

keyed(_, keys) if {
	some k in keys
	id := object.get(k, "managed_hsm_key_id", null)
	is_string(id)
	id != ""
}
