# METADATA
# title: Cognitive Services or Azure OpenAI account has no managed identity
# description: >-
#   Without a managed identity the account cannot reach a customer-managed
#   key, a storage account for batch or fine-tuning data, or a search index
#   on its own identity, which pushes teams to keys and public endpoints.
#   Left out, the account has none.
# custom:
#   id: PG-AZURE-COGNITIVE-103
#   severity: low
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_cognitive_account]
#   aliases: [CKV_AZURE_238]
#   defaults:
#     - azurerm_cognitive_account identity.type
#   remediation: >-
#     Add `identity { type = "SystemAssigned" }` (or UserAssigned) and grant
#     it roles on the resources the account reads.
package planguard.iam.azure.cognitive_managed_identity

import data.planguard.lib

types := ["azurerm_cognitive_account"]

paths := [["identity", 0, "type"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	not named(value)
	finding := {
		"msg": sprintf("Cognitive Services account %s has no managed identity.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}

named(v) if {
	is_string(v)
	v != ""
}
