# METADATA
# title: Owner, Contributor or User Access Administrator assigned at subscription scope or above
# description: >-
#   A role assignment of Owner, Contributor or User Access Administrator on
#   a whole subscription (or a management group, or the root "/") lets the
#   principal change or read every resource in it, ML workspaces, storage
#   and key vaults included; Owner and User Access Administrator can also
#   grant themselves more. Assign narrower roles on resource groups or
#   resources instead.
# custom:
#   id: PG-AZURE-IAM-101
#   severity: high
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_role_assignment]
#   aliases: []
#   remediation: >-
#     Scope the assignment to the resource group or resource that is needed,
#     use a narrower built-in role (for example AzureML Data Scientist), and
#     use Privileged Identity Management for standing admin access.
package planguard.iam.azure.privileged_role_broad_scope

import data.planguard.lib

privileged_names := {"owner", "contributor", "user access administrator"}

# Built-in role definition GUIDs: Owner, Contributor, User Access Administrator.
privileged_ids := {
	"8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
	"b24988ac-6180-42a0-ab88-20f7382dd24c",
	"18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
}

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_role_assignment
	not lib.is_unknown(r, ["scope"])
	broad_scope(object.get(r.after, "scope", ""))
	privileged(r)
	finding := {
		"msg": sprintf("Role assignment %s grants a privileged role on a whole subscription or management group.", [r.address]),
		"resource": r.address,
		"attribute": "scope",
	}
}

privileged(r) if {
	not lib.is_unknown(r, ["role_definition_name"])
	lower(object.get(r.after, "role_definition_name", "")) in privileged_names
}

privileged(r) if {
	not lib.is_unknown(r, ["role_definition_id"])
	id := lower(object.get(r.after, "role_definition_id", ""))
	some guid in privileged_ids
	endswith(id, guid)
}

broad_scope(s) if s == "/"

broad_scope(s) if regex.match(`^/subscriptions/[^/]+/?$`, s)

broad_scope(s) if regex.match(`(?i)^/providers/Microsoft\.Management/managementGroups/[^/]+/?$`, s)
