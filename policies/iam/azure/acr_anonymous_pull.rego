# METADATA
# title: Container registry allows anonymous pull
# description: >-
#   With anonymous pull anyone who can reach the registry can download every
#   image in it (training and serving images, often with model weights or
#   credentials baked in) without a token. The provider's default is off.
# custom:
#   id: PG-AZURE-ACR-103
#   severity: medium
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_container_registry]
#   aliases: [CKV_AZURE_138]
#   defaults:
#     - azurerm_container_registry anonymous_pull_enabled
#   remediation: >-
#     Set `anonymous_pull_enabled = false` and pull with managed identities
#     (AcrPull) or scoped tokens.
package planguard.iam.azure.acr_anonymous_pull

import data.planguard.lib

types := ["azurerm_container_registry"]

paths := [["anonymous_pull_enabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == true
	finding := {
		"msg": sprintf("Container registry %s lets anyone pull images without credentials.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
