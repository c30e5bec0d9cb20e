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
	not undecided(r)
	current(r) in bad_values
	finding := {
		"msg": sprintf("Storage account %s does not add infrastructure (double) encryption.", [r.address]),
		"resource": r.address,
		"attribute": attribute(r),
	}
}

undecided(r) if {
	some a in attrs
	lib.is_unknown(r, [a])
}

undecided(r) if {
	some a in attrs
	lib.refers_to(r, a)
}

set_attrs(r) := [a | some a in attrs; object.get(r.after, a, null) != null]

current(r) := r.after[set_attrs(r)[0]] if count(set_attrs(r)) > 0

current(r) := default_value if count(set_attrs(r)) == 0

attribute(r) := set_attrs(r)[0] if count(set_attrs(r)) > 0

attribute(r) := attrs[0] if count(set_attrs(r)) == 0
