# METADATA
# title: Web app has no managed identity
# description: >-
#   Without a managed identity (system- or user-assigned) an app reaches
#   storage, Key Vault, databases and model endpoints with keys or
#   connection strings kept in its settings, which leak with the
#   configuration and are rarely rotated. Left out, the app has no identity.
#   Trivy's AVD-AZU-0002 reads azurerm_app_service only: its findings name it.
# custom:
#   id: PG-AZURE-APPSERVICE-107
#   severity: low
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_app_service, azurerm_linux_web_app, azurerm_windows_web_app]
#   aliases: [CKV_AZURE_16]
#   narrower: [AVD-AZU-0002]
#   remediation: >-
#     Add `identity { type = "SystemAssigned" }` (or UserAssigned) and grant
#     it roles on the resources the app uses instead of storing their keys.
package planguard.iam.azure.web_app_managed_identity

import data.planguard.lib

types := ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app"]

# The narrower checks, by the types each reads.
narrower_checks := {
	"azurerm_app_service": ["AVD-AZU-0002"],
}

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not lib.is_unknown(r, ["identity"])
	not identified(r)
	finding := object.union(
		{
			"msg": sprintf("Web app %s has no managed identity.", [r.address]),
			"resource": r.address,
			"attribute": "identity",
		},
		lib.naming(object.get(narrower_checks, t, [])),
	)
}

identified(r) if {
	some identity in object.get(r.after, "identity", [])
	object.get(identity, "type", "") != ""
}

identified(r) if {
	some i, _ in object.get(r.after, "identity", [])
	lib.is_unknown(r, ["identity", i, "type"])
}
