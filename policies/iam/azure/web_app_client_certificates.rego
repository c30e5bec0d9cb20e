# METADATA
# title: Web app does not require client certificates
# description: >-
#   Without incoming client certificates any client that reaches the app can
#   open a TLS session; mutual TLS limits an internal model-serving or
#   labelling app to clients holding a certificate the team issued. The
#   provider's default is off.
#   Trivy's AVD-AZU-0001 reads azurerm_app_service only: its findings name it.
# custom:
#   id: PG-AZURE-APPSERVICE-103
#   severity: low
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service]
#   aliases: [CKV_AZURE_17]
#   narrower: [AVD-AZU-0001]
#   defaults:
#     - azurerm_linux_web_app client_certificate_enabled
#     - azurerm_windows_web_app client_certificate_enabled
#     - azurerm_app_service client_cert_enabled
#   remediation: >-
#     Set `client_certificate_enabled = true` (`client_cert_enabled` on
#     azurerm_app_service) with `client_certificate_mode = "Required"`.
package planguard.iam.azure.web_app_client_certificates

import data.planguard.lib

types := ["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service"]

# The narrower checks, by the types each reads.
narrower_checks := {
	"azurerm_app_service": ["AVD-AZU-0001"],
}

# Each type plans one of the two names; the other has no default for it and
# reads as null.
# The same setting under its names across provider versions.
paths := [["client_certificate_enabled"], ["client_cert_enabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == false
	finding := object.union(
		{
			"msg": sprintf("Web app %s does not require client certificates.", [r.address]),
			"resource": r.address,
			"attribute": lib.path_text(path),
		},
		lib.naming(object.get(narrower_checks, t, [])),
	)
}
