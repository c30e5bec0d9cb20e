# METADATA
# title: App Service accepts plain FTP deployments
# description: >-
#   With ftps_state AllAllowed the app's deployment endpoint accepts plain
#   FTP, so deployment credentials and the code or model files pushed with
#   them cross the network unencrypted. The current web and function app
#   resources default to Disabled; the legacy azurerm_app_service to
#   AllAllowed.
#   Checkov's CKV_AZURE_78 reads web apps, not function apps, and Trivy's
#   AVD-AZU-0071 azurerm_app_service only: a finding names those that read
#   its type.
# custom:
#   id: PG-AZURE-APPSERVICE-104
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service]
#   aliases: []
#   narrower: [CKV_AZURE_78, AVD-AZU-0071]
#   defaults:
#     - azurerm_linux_web_app site_config.ftps_state
#     - azurerm_windows_web_app site_config.ftps_state
#     - azurerm_linux_function_app site_config.ftps_state
#     - azurerm_windows_function_app site_config.ftps_state
#     - azurerm_app_service site_config.ftps_state
#   remediation: >-
#     Set `site_config { ftps_state = "Disabled" }` (or FtpsOnly) and deploy
#     with zip deploy or a pipeline identity.
package planguard.encryption.azure.web_app_ftp

import data.planguard.lib

types := ["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_app_service"]

# The narrower checks, by the types each reads.
narrower_checks := {
	"azurerm_app_service": ["CKV_AZURE_78", "AVD-AZU-0071"],
	"azurerm_linux_web_app": ["CKV_AZURE_78"],
	"azurerm_windows_web_app": ["CKV_AZURE_78"],
}

paths := [["site_config", 0, "ftps_state"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == "AllAllowed"
	finding := object.union(
		{
			"msg": sprintf("App %s accepts plain FTP deployments (ftps_state AllAllowed).", [r.address]),
			"resource": r.address,
			"attribute": lib.path_text(path),
		},
		lib.naming(object.get(narrower_checks, t, [])),
	)
}
