# METADATA
# title: Web app admits requests its IP restrictions do not match
# description: >-
#   With `ip_restriction_default_action = "Allow"` (the provider's default)
#   requests from addresses that no ip_restriction rule matches still reach
#   the app; Deny makes the rules an allow list.
# custom:
#   id: PG-AZURE-APPSERVICE-109
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app]
#   aliases: [CKV_AZURE_239]
#   defaults:
#     - azurerm_linux_web_app site_config.ip_restriction_default_action
#     - azurerm_windows_web_app site_config.ip_restriction_default_action
#   remediation: >-
#     Set `site_config { ip_restriction_default_action = "Deny" }` and list
#     the callers in `ip_restriction` blocks (or turn public network access
#     off).
package planguard.network.azure.web_app_ip_restriction_default

import data.planguard.lib

types := ["azurerm_linux_web_app", "azurerm_windows_web_app"]

paths := [["site_config", 0, "ip_restriction_default_action"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == "Allow"
	finding := {
		"msg": sprintf("Web app %s admits requests that match none of its IP restrictions.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
