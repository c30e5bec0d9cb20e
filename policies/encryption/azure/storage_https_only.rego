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
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("Storage account %s accepts requests over plain HTTP.", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
