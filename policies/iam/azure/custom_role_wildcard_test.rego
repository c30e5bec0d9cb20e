package planguard.iam.azure.custom_role_wildcard_test

import data.planguard.iam.azure.custom_role_wildcard as policy

role(perms, unknown) := {"azurerm_role_definition": [{
	"address": "azurerm_role_definition.ml_admin",
	"config_address": "azurerm_role_definition.ml_admin",
	"type": "azurerm_role_definition",
	"after": {"permissions": [perms], "assignable_scopes": ["/subscriptions/0000"]},
	"unknown_paths": unknown,
}]}

test_star_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as role({"actions": ["*"], "not_actions": []}, [])
	some f in findings
	f.attribute == "permissions.0.actions"
}

test_listed_actions_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as role({"actions": ["Microsoft.MachineLearningServices/workspaces/read"]}, [])
}

test_unknown_actions_are_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as role({}, ["permissions.0.actions"])
}
