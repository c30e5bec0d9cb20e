# METADATA
# title: Container registry admin user is enabled
# description: >-
#   The admin user is a single shared username and password with push and
#   pull rights on every repository (training and serving images); it ends
#   up in CI variables and cannot be attributed or scoped.
# custom:
#   id: PG-AZURE-ACR-101
#   severity: medium
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_container_registry]
#   aliases: [CKV_AZURE_137]
#   remediation: Set `admin_enabled = false` and pull with managed identities (AcrPull) or scoped tokens.
package planguard.iam.azure.acr_admin_user

import data.planguard.lib

types := ["azurerm_container_registry"]

# Alternative names of the same setting across provider versions.
attrs := ["admin_enabled"]

bad_values := {true}

# What the provider uses when the attribute is not set.
default_value := false

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("Container registry %s has the admin user enabled, a shared push/pull credential.", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
