# METADATA
# title: Storage account is not encrypted with a customer-managed key
# description: >-
#   An account without a customer-managed key encrypts its blobs, file
#   shares, queues and tables (datasets, checkpoints, model artifacts, an ML
#   workspace's default store) with a Microsoft-managed key the team cannot
#   rotate, disable or revoke. Every account is judged: the plan cannot tell
#   which data is critical, and an ML workspace or an application creates
#   its containers at run time, outside the plan. A key set in the account's
#   customer_managed_key block (Key Vault or Managed HSM) or by an
#   azurerm_storage_account_customer_managed_key resource that refers to the
#   account counts. Left out, the account uses Microsoft-managed keys. A
#   finding names Trivy's AVD-AZU-0060 when a blob container of the plan
#   refers to the account: Trivy judges only such accounts.
# custom:
#   id: PG-AZURE-STORAGE-110
#   severity: low
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_storage_account, azurerm_storage_container, azurerm_storage_account_customer_managed_key]
#   aliases: [CKV2_AZURE_1]
#   narrower: [AVD-AZU-0060]
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "3.12"
#   defaults:
#     - azurerm_storage_account customer_managed_key
#   remediation: >-
#     Add `customer_managed_key { key_vault_key_id = ..., user_assigned_identity_id = ... }`
#     to the account, or an azurerm_storage_account_customer_managed_key
#     resource for it, or waive the rule for an account that holds no data
#     worth a key of its own.
package planguard.encryption.azure.storage_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_storage_account
	count(lib.referrers_of_type(r, "azurerm_storage_account_customer_managed_key")) == 0
	keys := lib.effective(r, ["customer_managed_key"])
	not keyed(r, keys)
	finding := object.union(
		{
			"msg": sprintf("Storage account %s is not encrypted with a customer-managed key.", [r.address]),
			"resource": r.address,
			"attribute": "customer_managed_key",
		},
		trivy_alias(r),
	)
}

# Trivy's AVD-AZU-0060 judges accounts that hold blob containers in the plan.
trivy_alias(r) := {"aliases": ["AVD-AZU-0060"]} if {
	count(lib.referrers_of_type(r, "azurerm_storage_container")) > 0
} else := {}

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
