# METADATA
# title: Storage account does not use infrastructure encryption
# description: >-
#   Infrastructure encryption adds a second layer of AES-256 encryption with
#   a separate key at the infrastructure level, for regulated datasets. It
#   can only be chosen when the account is created.
# custom:
#   id: PG-AZURE-STORAGE-103
#   severity: low
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_storage_account]
#   aliases: [AVD-AZU-0061]
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "3.2"
#   remediation: Set `infrastructure_encryption_enabled = true` (the account is replaced).
package planguard.encryption.azure.storage_infrastructure_encryption

import data.planguard.lib

types := ["azurerm_storage_account"]

# Alternative names of the same setting across provider versions.
attrs := ["infrastructure_encryption_enabled"]

bad_values := {false}

# What the provider uses when the attribute is not set.
default_value := false

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("Storage account %s does not add infrastructure (double) encryption.", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
