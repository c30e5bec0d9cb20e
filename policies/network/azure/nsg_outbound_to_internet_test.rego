package planguard.network.azure.nsg_outbound_to_internet_test

import data.planguard.network.azure.nsg_outbound_to_internet as policy

rule(after, unknown) := {"azurerm_network_security_rule": [{
	"address": "azurerm_network_security_rule.egress",
	"type": "azurerm_network_security_rule",
	"after": after,
	"unknown_paths": unknown,
}]}

outbound(destination) := {"direction": "Outbound", "access": "Allow", "protocol": "*", "destination_address_prefix": destination, "destination_port_range": "*"}

test_outbound_to_any_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as rule(outbound("*"), [])
	count(findings) == 1
	some f in findings
	f.attribute == "destination_address_prefix"
}

test_outbound_to_service_tag_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(outbound("Storage"), [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(outbound("10.0.0.0/16"), [])
}

test_denied_outbound_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(outbound("Internet"), {"access": "Deny"}), [])
}

test_unknown_destination_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(outbound(null), ["destination_address_prefix"])
}
