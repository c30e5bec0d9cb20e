# METADATA
# title: Web app has no built-in authentication
# description: >-
#   Without App Service authentication (auth_settings or auth_settings_v2
#   enabled) every request reaches the app's code anonymously, so an internal
#   model-serving API or labelling tool is only as protected as its own
#   login code. Left out, neither block is configured and the app has none.
#   Trivy's AVD-AZU-0003 reads azurerm_app_service only: its findings name it.
# custom:
#   id: PG-AZURE-APPSERVICE-106
#   severity: low
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_app_service, azurerm_linux_web_app, azurerm_windows_web_app]
#   aliases: [CKV_AZURE_13]
#   narrower: [AVD-AZU-0003]
#   remediation: >-
#     Add `auth_settings_v2 { auth_enabled = true ... }` with an identity
#     provider (Entra ID), or `auth_settings { enabled = true }` on
#     azurerm_app_service. Apps that authenticate in code can suppress this
#     rule.
package planguard.iam.azure.web_app_authentication

import data.planguard.lib

types := ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app"]

# The narrower checks, by the types each reads.
narrower_checks := {
	"azurerm_app_service": ["AVD-AZU-0003"],
}

# Each block and the flag that turns it on.
flags := {"auth_settings": "enabled", "auth_settings_v2": "auth_enabled"}

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	every block, _ in flags {
		not lib.is_unknown(r, [block])
	}
	not authenticated(r)
	finding := object.union(
		{
			"msg": sprintf("Web app %s has no built-in authentication.", [r.address]),
			"resource": r.address,
			"attribute": attribute(r.type),
		},
		lib.naming(object.get(narrower_checks, t, [])),
	)
}

authenticated(r) if {
	some block, flag in flags
	some settings in object.get(r.after, block, [])
	object.get(settings, flag, false) == true
}

# A flag known only after apply may turn it on.
authenticated(r) if {
	some block, flag in flags
	some i, _ in object.get(r.after, block, [])
	lib.is_unknown(r, [block, i, flag])
}

attribute("azurerm_app_service") := "auth_settings"

attribute(t) := "auth_settings_v2" if t != "azurerm_app_service"
