# METADATA
# title: Key Vault purge protection is off
# description: >-
#   Soft delete is always on for Key Vault, but without purge protection a
#   deleted vault or key can be purged immediately, by mistake or by an
#   attacker, destroying the customer-managed keys that encrypt storage
#   accounts, disks and ML workspaces. Checkov's CKV_AZURE_42 also asks for
#   soft_delete_enabled, which azurerm 3.0 removed because Azure no longer
#   lets soft delete be turned off: the rule does not read it.
# custom:
#   id: PG-AZURE-KEYVAULT-101
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_key_vault]
#   aliases: [CKV_AZURE_110, AVD-AZU-0016, CKV_AZURE_42]
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "8.5"
#   remediation: Set `purge_protection_enabled = true` (it cannot be turned off again).
package planguard.encryption.azure.keyvault_purge_protection

import data.planguard.lib

types := ["azurerm_key_vault"]

# Alternative names of the same setting across provider versions.
attrs := ["purge_protection_enabled"]

bad_values := {false}

# What the provider uses when the attribute is not set.
default_value := false

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("Key Vault %s can be purged before its retention period ends (purge protection is off).", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
