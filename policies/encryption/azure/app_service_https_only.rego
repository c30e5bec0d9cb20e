# METADATA
# title: App Service or Function app serves plain HTTP
# description: >-
#   Without `https_only` a web or function app (a model-serving API, a
#   labelling tool) answers plain HTTP, so tokens and payloads can travel
#   in clear text. The provider's default is false. Deployment slots are
#   judged like their apps, and an app whose built-in authentication
#   (auth_settings_v2) is told not to require HTTPS counts as serving HTTP.
#   The other tools' checks read https_only on some of these types each
#   (Checkov's CKV_AZURE_14 web apps, CKV_AZURE_70 function apps and their
#   slots, Trivy's AVD-AZU-0072 azurerm_app_service, AVD-AZU-0004
#   azurerm_function_app) and none reads auth_settings_v2: a finding names
#   the checks that read its type and setting.
# custom:
#   id: PG-AZURE-APPSERVICE-101
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service, azurerm_function_app, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_app_service_slot, azurerm_function_app_slot]
#   aliases: []
#   narrower: [CKV_AZURE_14, CKV_AZURE_70, AVD-AZU-0004, AVD-AZU-0072]
#   remediation: Set `https_only = true` (and leave `auth_settings_v2.require_https` at its default, true).
package planguard.encryption.azure.app_service_https_only

import data.planguard.lib

types := [
	"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app",
	"azurerm_app_service", "azurerm_function_app",
	"azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_linux_function_app_slot",
	"azurerm_windows_function_app_slot", "azurerm_app_service_slot", "azurerm_function_app_slot",
]

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
	finding := object.union(
		{
			"msg": sprintf("App %s serves plain HTTP (https_only is off).", [r.address]),
			"resource": r.address,
			"attribute": lib.attribute_of(r, attrs),
		},
		lib.naming(object.get(https_only_checks, t, [])),
	)
}

# The checks that read https_only, by the types each reads.
https_only_checks := {
	"azurerm_app_service": ["CKV_AZURE_14", "AVD-AZU-0072"],
	"azurerm_linux_web_app": ["CKV_AZURE_14"],
	"azurerm_windows_web_app": ["CKV_AZURE_14"],
	"azurerm_function_app": ["CKV_AZURE_70", "AVD-AZU-0004"],
	"azurerm_linux_function_app": ["CKV_AZURE_70"],
	"azurerm_windows_function_app": ["CKV_AZURE_70"],
	"azurerm_function_app_slot": ["CKV_AZURE_70"],
	"azurerm_linux_function_app_slot": ["CKV_AZURE_70"],
	"azurerm_windows_function_app_slot": ["CKV_AZURE_70"],
}

# Authentication v2 that accepts HTTP callbacks and tokens (require_https
# defaults to true when the block is written).
deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some i, auth in object.get(r.after, "auth_settings_v2", [])
	not lib.is_unknown(r, ["auth_settings_v2", i, "require_https"])
	object.get(auth, "require_https", true) == false
	finding := {
		"msg": sprintf("App %s accepts authentication over plain HTTP (auth_settings_v2.require_https is off).", [r.address]),
		"resource": r.address,
		"attribute": sprintf("auth_settings_v2.%d.require_https", [i]),
	}
}
