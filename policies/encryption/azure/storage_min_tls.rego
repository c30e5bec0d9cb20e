# METADATA
# title: Storage account accepts TLS older than 1.2
# description: >-
#   `min_tls_version` TLS1_0 or TLS1_1 lets clients of the account that
#   holds datasets and model artifacts negotiate deprecated protocol
#   versions. Azure retires TLS 1.0/1.1 for Storage; TLS1_2 is the
#   provider's default.
# custom:
#   id: PG-AZURE-STORAGE-102
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_storage_account]
#   aliases: [CKV_AZURE_44, AVD-AZU-0011]
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "3.15"
#   remediation: Set `min_tls_version = "TLS1_2"`.
package planguard.encryption.azure.storage_min_tls

import data.planguard.lib

types := ["azurerm_storage_account"]

# Alternative names of the same setting across provider versions.
attrs := ["min_tls_version"]

bad_values := {"TLS1_0", "TLS1_1"}

# What the provider uses when the attribute is not set.
default_value := "TLS1_2"

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not undecided(r)
	current(r) in bad_values
	finding := {
		"msg": sprintf("Storage account %s accepts TLS versions older than 1.2.", [r.address]),
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
