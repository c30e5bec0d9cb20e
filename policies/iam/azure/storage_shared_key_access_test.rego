package planguard.iam.azure.storage_shared_key_access_test

import data.planguard.iam.azure.storage_shared_key_access as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.datasets", [type]),
	"config_address": sprintf("%s.datasets", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_storage_account", {"shared_access_key_enabled": true}, [])
	some f in findings
	f.resource == "azurerm_storage_account.datasets"
	f.attribute == "shared_access_key_enabled"
}

test_other_spelling_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_storage_account", {"shared_access_key_enabled": true}, [])
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_storage_account", {"shared_access_key_enabled": false}, [])
}

test_default_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_storage_account", {"name": "x"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_storage_account", {"name": "x"}, ["shared_access_key_enabled"])
}
