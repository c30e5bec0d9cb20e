package planguard.iam.azure.cosmosdb_local_auth_test

import data.planguard.iam.azure.cosmosdb_local_auth as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.features", [type]),
	"config_address": sprintf("%s.features", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_cosmosdb_account", {"local_authentication_disabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "local_authentication_disabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_cosmosdb_account", {"local_authentication_disabled": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_cosmosdb_account", {"name": "x"}, ["local_authentication_disabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_cosmosdb_account", {"name": "x"}, [])
}
