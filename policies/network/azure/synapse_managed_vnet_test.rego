package planguard.network.azure.synapse_managed_vnet_test

import data.planguard.network.azure.synapse_managed_vnet as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.analytics", [type]),
	"config_address": sprintf("%s.analytics", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_synapse_workspace", {"managed_virtual_network_enabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "managed_virtual_network_enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_synapse_workspace", {"managed_virtual_network_enabled": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_synapse_workspace", {"name": "x"}, ["managed_virtual_network_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_synapse_workspace", {"name": "x"}, [])
}
