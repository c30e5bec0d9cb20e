# METADATA
# title: Web or function app allows public network access
# description: >-
#   With public network access on (the provider's default) the app answers
#   on its public endpoint; an internal model-serving API, a labelling tool
#   or a function that processes training data should be reached through a
#   private endpoint instead. Apps meant for the public are expected to
#   suppress this rule.
# custom:
#   id: PG-AZURE-APPSERVICE-105
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app]
#   aliases: [CKV_AZURE_222]
#   defaults:
#     - azurerm_linux_web_app public_network_access_enabled
#     - azurerm_windows_web_app public_network_access_enabled
#     - azurerm_linux_function_app public_network_access_enabled
#     - azurerm_windows_function_app public_network_access_enabled
#   remediation: >-
#     Set `public_network_access_enabled = false` and add an
#     azurerm_private_endpoint for the app.
package planguard.network.azure.web_app_public_network_access

import data.planguard.lib

types := ["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app"]

paths := [["public_network_access_enabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == true
	finding := {
		"msg": sprintf("App %s accepts requests on its public endpoint.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
