package planguard.network.azure.mssql_public_access_test

import data.planguard.network.azure.mssql_public_access as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.features", [type]),
	"config_address": sprintf("%s.features", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_mssql_server", {"public_network_access_enabled": true}, [])
	some f in findings
	f.resource == "azurerm_mssql_server.features"
	f.attribute == "public_network_access_enabled"
}

test_other_spelling_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_mssql_server", {"public_network_access_enabled": true}, [])
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mssql_server", {"public_network_access_enabled": false}, [])
}

test_default_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_mssql_server", {"name": "x"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mssql_server", {"name": "x"}, ["public_network_access_enabled"])
}
