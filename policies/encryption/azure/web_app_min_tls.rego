# METADATA
# title: App Service accepts TLS older than 1.2
# description: >-
#   A minimum TLS version of 1.0 or 1.1 lets clients of the web or function
#   app (a model-serving API, a labelling tool) negotiate deprecated
#   protocol versions. The provider's default is 1.2.
#   Checkov's CKV_AZURE_15 reads web apps, not function apps, and Trivy's
#   AVD-AZU-0006 azurerm_app_service only: a finding names those that read
#   its type.
# custom:
#   id: PG-AZURE-APPSERVICE-102
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service, azurerm_function_app]
#   aliases: []
#   narrower: [CKV_AZURE_15, AVD-AZU-0006]
#   defaults:
#     - azurerm_linux_web_app site_config.minimum_tls_version
#     - azurerm_windows_web_app site_config.minimum_tls_version
#     - azurerm_linux_function_app site_config.minimum_tls_version
#     - azurerm_windows_function_app site_config.minimum_tls_version
#     - azurerm_app_service site_config.min_tls_version
#     - azurerm_function_app site_config.min_tls_version
#   remediation: >-
#     Set `site_config { minimum_tls_version = "1.2" }` (`min_tls_version`
#     on azurerm_app_service and azurerm_function_app).
package planguard.encryption.azure.web_app_min_tls

import data.planguard.lib

types := ["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_app_service", "azurerm_function_app"]

# The narrower checks, by the types each reads.
narrower_checks := {
	"azurerm_app_service": ["CKV_AZURE_15", "AVD-AZU-0006"],
	"azurerm_linux_web_app": ["CKV_AZURE_15"],
	"azurerm_windows_web_app": ["CKV_AZURE_15"],
}

# The current resources name it minimum_tls_version, the legacy
# azurerm_app_service and azurerm_function_app min_tls_version.
# The same setting under its names across provider versions.
paths := [["site_config", 0, "minimum_tls_version"], ["site_config", 0, "min_tls_version"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value in {"1.0", "1.1"}
	finding := object.union(
		{
			"msg": sprintf("App %s accepts TLS versions older than 1.2.", [r.address]),
			"resource": r.address,
			"attribute": lib.path_text(path),
		},
		lib.naming(object.get(narrower_checks, t, [])),
	)
}
