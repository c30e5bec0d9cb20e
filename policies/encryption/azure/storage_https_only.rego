# METADATA
# title: Storage account accepts plain HTTP
# description: >-
#   With secure transfer turned off, blob, file and queue requests
#   (dataset downloads, SAS-signed uploads of model artifacts) may travel
#   in clear text. The provider's default is HTTPS only.
# custom:
#   id: PG-AZURE-STORAGE-101
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_storage_account]
#   aliases: [CKV_AZURE_3, AVD-AZU-0008]
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "3.1"
#   remediation: Set `https_traffic_only_enabled = true` (`enable_https_traffic_only` before azurerm 4.0), or drop the attribute.
package planguard.encryption.azure.storage_https_only

import data.planguard.lib

types := ["azurerm_storage_account"]

# Alternative names of the same setting across provider versions.
attrs := ["https_traffic_only_enabled", "enable_https_traffic_only"]

bad_values := {false}

# What the provider uses when the attribute is not set.
default_value := true

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not undecided(r)
	current(r) in bad_values
	finding := {
		"msg": sprintf("Storage account %s accepts requests over plain HTTP.", [r.address]),
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
