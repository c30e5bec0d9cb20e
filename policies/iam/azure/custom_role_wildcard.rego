# METADATA
# title: Custom role allows every action
# description: >-
#   A custom role definition whose `permissions.actions` contains "*" is an
#   owner-equivalent role under another name: whoever holds it can change
#   any resource in its assignable scopes, and it escapes reviews that look
#   for the built-in Owner role.
# custom:
#   id: PG-AZURE-IAM-102
#   severity: high
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_role_definition]
#   aliases: [CKV_AZURE_39]
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "1.23"
#   remediation: List the actions the role needs (for example `Microsoft.MachineLearningServices/workspaces/*/read`) instead of "*".
package planguard.iam.azure.custom_role_wildcard

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_role_definition
	some i, p in object.get(r.after, "permissions", [])
	not lib.is_unknown(r, ["permissions", i, "actions"])
	"*" in object.get(p, "actions", [])
	finding := {
		"msg": sprintf("Custom role %s allows every action.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("permissions.%v.actions", [i]),
	}
}
