package planguard.iam.azure.privileged_role_broad_scope_test

import data.planguard.iam.azure.privileged_role_broad_scope as policy

ra(after, unknown) := {"azurerm_role_assignment": [{
	"address": "azurerm_role_assignment.ds",
	"config_address": "azurerm_role_assignment.ds",
	"type": "azurerm_role_assignment",
	"after": after,
	"unknown_paths": unknown,
}]}

sub := "/subscriptions/00000000-0000-0000-0000-000000000000"

test_owner_on_subscription_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as ra({"scope": sub, "role_definition_name": "Owner"}, ["principal_id"])
	some f in findings
	f.attribute == "scope"
}

test_contributor_by_id_on_management_group_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as ra({"scope": "/providers/Microsoft.Management/managementGroups/ml", "role_definition_id": concat("", [sub, "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"])}, [])
}

test_owner_on_resource_group_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as ra({"scope": concat("", [sub, "/resourceGroups/ml"]), "role_definition_name": "Owner"}, [])
}

test_reader_on_subscription_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as ra({"scope": sub, "role_definition_name": "Reader"}, [])
}

test_unknown_scope_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as ra({"role_definition_name": "Owner"}, ["scope"])
}
