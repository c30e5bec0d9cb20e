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
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("App %s serves plain HTTP (https_only is off).", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
