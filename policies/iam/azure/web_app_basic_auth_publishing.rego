# METADATA
# title: Web app accepts basic authentication for deployments (SCM or FTP)
# description: >-
#   With basic authentication on for the SCM (Kudu, Web Deploy) or FTP
#   publishing endpoints (the provider's default), a publishing profile's
#   username and password deploy code to the app (a model-serving API) from
#   anywhere; with it off, deployments need an Entra ID identity.
# custom:
#   id: PG-AZURE-APPSERVICE-108
#   severity: medium
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app]
#   aliases: [CKV_AZURE_237]
#   defaults:
#     - azurerm_linux_web_app webdeploy_publish_basic_authentication_enabled
#     - azurerm_windows_web_app webdeploy_publish_basic_authentication_enabled
#     - azurerm_linux_web_app ftp_publish_basic_authentication_enabled
#     - azurerm_windows_web_app ftp_publish_basic_authentication_enabled
#   remediation: >-
#     Set `webdeploy_publish_basic_authentication_enabled = false` and
#     `ftp_publish_basic_authentication_enabled = false`, and deploy with a
#     pipeline identity.
package planguard.iam.azure.web_app_basic_auth_publishing

import data.planguard.lib

types := ["azurerm_linux_web_app", "azurerm_windows_web_app"]

# SCM (Web Deploy, Kudu) and FTP publishing each have their own switch.
# The same setting under its names across provider versions.
paths := [["webdeploy_publish_basic_authentication_enabled"], ["ftp_publish_basic_authentication_enabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == true
	finding := {
		"msg": sprintf("Web app %s accepts basic authentication on a publishing endpoint.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
