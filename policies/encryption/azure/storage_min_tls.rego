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
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("Storage account %s accepts TLS versions older than 1.2.", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
