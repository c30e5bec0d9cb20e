# METADATA
# title: App Service or Function app serves plain HTTP
# description: >-
#   Without `https_only` a web or function app (a model-serving API, a
#   labelling tool) answers plain HTTP, so tokens and payloads can travel
#   in clear text. The provider's default is false.
# custom:
#   id: PG-AZURE-APPSERVICE-101
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service, azurerm_function_app]
#   aliases: [CKV_AZURE_14, CKV_AZURE_70]
#   remediation: Set `https_only = true`.
package planguard.encryption.azure.app_service_https_only

import data.planguard.lib

types := ["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_app_service", "azurerm_function_app"]

# Alternative names of the same setting across provider versions.
attrs := ["https_only"]

bad_values := {false}

# What the provider uses when the attribute is not set.
default_value := false

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not undecided(r)
	current(r) in bad_values
	finding := {
		"msg": sprintf("App %s serves plain HTTP (https_only is off).", [r.address]),
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
