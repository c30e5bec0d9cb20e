# METADATA
# title: Storage account allows shared key authorization
# description: >-
#   Account keys give full access to every container and cannot be scoped or
#   attributed to a person; SAS tokens signed with them are copied into
#   notebooks and pipelines and leak. With `shared_access_key_enabled = false`
#   every request must use Microsoft Entra ID and RBAC. The provider's default
#   is true.
# custom:
#   id: PG-AZURE-STORAGE-105
#   severity: low
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_storage_account]
#   aliases: [CKV2_AZURE_40]
#   remediation: >-
#     Set `shared_access_key_enabled = false` once clients use Entra ID (set
#     `storage_use_azuread = true` in the provider so Terraform does too).
package planguard.iam.azure.storage_shared_key_access

import data.planguard.lib

types := ["azurerm_storage_account"]

# Alternative names of the same setting across provider versions.
attrs := ["shared_access_key_enabled"]

bad_values := {true}

# What the provider uses when the attribute is not set.
default_value := true

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("Storage account %s accepts its account keys and SAS tokens signed with them (shared key access is on).", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
