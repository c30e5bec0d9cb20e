package planguard.network.azure.nsg_ml_ports_open_test

import data.planguard.network.azure.nsg_ml_ports_open as policy

rule(after, unknown) := {"azurerm_network_security_rule": [{
	"address": "azurerm_network_security_rule.notebook",
	"type": "azurerm_network_security_rule",
	"after": after,
	"unknown_paths": unknown,
}]}

inbound(ports) := {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": ports}

test_jupyter_from_internet_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as rule(inbound("8888"), [])
	count(findings) == 1
	some f in findings
	f.attribute == "destination_port_range"
	contains(f.msg, "8888")
}

test_range_counts_every_port_it_includes if {
	findings := policy.deny with data.planguard.resources_by_type as rule(inbound("5400-5500"), [])
	some f in findings
	contains(f.msg, "5432")
}

test_admin_and_web_ports_are_left_to_other_rules if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(inbound("22"), [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(inbound("443"), [])
}

test_private_source_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(inbound("8888"), {"source_address_prefix": "10.0.0.0/8"}), [])
}

test_icmp_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(inbound("*"), {"protocol": "Icmp"}), [])
}

test_unknown_ports_are_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(inbound(null), {}), ["destination_port_range"])
}
