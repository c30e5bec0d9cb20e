package planguard.network.azure.nic_ip_forwarding_test

import data.planguard.network.azure.nic_ip_forwarding as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.trainer", [type]),
	"config_address": sprintf("%s.trainer", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_network_interface", {"ip_forwarding_enabled": true}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "ip_forwarding_enabled"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_network_interface", {"enable_ip_forwarding": true}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "enable_ip_forwarding"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_network_interface", {"ip_forwarding_enabled": false}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_network_interface", {"name": "x"}, ["ip_forwarding_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_network_interface", {"name": "x"}, [])
}
