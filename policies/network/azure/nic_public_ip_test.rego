package planguard.network.azure.nic_public_ip_test

import data.planguard.network.azure.nic_public_ip as policy

nic(ip, unknown) := {"azurerm_network_interface": [{
	"address": "azurerm_network_interface.trainer",
	"config_address": "azurerm_network_interface.trainer",
	"type": "azurerm_network_interface",
	"after": {"ip_configuration": [ip]},
	"unknown_paths": unknown,
}]}

public_ip_ref := {"azurerm_network_interface.trainer": [{"attribute": "ip_configuration.public_ip_address_id", "to": "azurerm_public_ip.trainer"}]}

test_public_ip_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as nic({"name": "primary", "public_ip_address_id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/trainer"}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "ip_configuration.0.public_ip_address_id"
}

test_public_ip_by_reference_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as nic({"name": "primary"}, ["ip_configuration.0.public_ip_address_id"])
		with data.planguard.references as public_ip_ref
}

test_private_interface_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as nic({"name": "primary", "public_ip_address_id": ""}, [])
}

test_unknown_without_reference_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as nic({"name": "primary"}, ["ip_configuration.0.public_ip_address_id"])
}

test_left_out_has_no_public_ip if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as nic({"name": "primary", "private_ip_address_allocation": "Dynamic"}, [])
}
