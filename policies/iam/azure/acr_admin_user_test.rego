package planguard.iam.azure.acr_admin_user_test

import data.planguard.iam.azure.acr_admin_user as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.images", [type]),
	"config_address": sprintf("%s.images", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_container_registry", {"admin_enabled": true}, [])
	some f in findings
	f.resource == "azurerm_container_registry.images"
	f.attribute == "admin_enabled"
}

test_other_spelling_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_container_registry", {"admin_enabled": true}, [])
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_container_registry", {"admin_enabled": false}, [])
}

test_default_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_container_registry", {"name": "x"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_container_registry", {"name": "x"}, ["admin_enabled"])
}
