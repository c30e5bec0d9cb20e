package planguard.network.azure.data_factory_public_network_test

import data.planguard.network.azure.data_factory_public_network as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.ingest", [type]),
	"config_address": sprintf("%s.ingest", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_data_factory", {"public_network_enabled": true}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "public_network_enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_data_factory", {"public_network_enabled": false}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_data_factory", {"name": "x"}, ["public_network_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_data_factory", {"name": "x"}, [])
}
