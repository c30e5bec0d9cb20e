# METADATA
# title: Cognitive Services or Azure OpenAI account accepts API keys
# description: >-
#   With local authentication on (the provider's default) the account's API
#   keys call every deployment (an Azure OpenAI model, a speech or vision
#   model) for whoever holds them, unattributed and until rotated; with it
#   off callers need an Entra ID identity with a Cognitive Services role.
# custom:
#   id: PG-AZURE-COGNITIVE-102
#   severity: medium
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_cognitive_account]
#   aliases: []
#   defaults:
#     - azurerm_cognitive_account local_auth_enabled
#   remediation: >-
#     Set `local_auth_enabled = false` and give callers the Cognitive
#     Services OpenAI User (or a narrower) role through managed identities.
package planguard.iam.azure.cognitive_local_auth

import data.planguard.lib

types := ["azurerm_cognitive_account"]

paths := [["local_auth_enabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == true
	finding := {
		"msg": sprintf("Cognitive Services account %s accepts API keys (local authentication is on).", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
