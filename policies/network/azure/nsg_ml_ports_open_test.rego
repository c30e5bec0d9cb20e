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

findings(after) := found if {
	found := policy.deny with data.planguard.resources_by_type as rule(after, [])
}

# AVD-AZU-0047 fails every inbound rule from any address, AVD-AZU-0074 those
# on its sensitive ports.
test_legacy_protocol_port_is_denied_and_names_trivy if {
	found := findings(inbound("21"))
	count(found) == 1
	some f in found
	contains(f.msg, "FTP (21)")
	f.aliases == ["AVD-AZU-0074", "AVD-AZU-0047"]
}

test_telnet_is_a_legacy_port_too if {
	some f in findings(inbound("23"))
	contains(f.msg, "Telnet (23)")
	f.aliases == ["AVD-AZU-0074", "AVD-AZU-0047"]
}

# AVD-AZU-0074's list holds SQL Server, Oracle, MySQL, PostgreSQL and Redis,
# not the ML ports; AVD-AZU-0047 reads no port.
test_ml_port_names_only_the_any_address_check if {
	some f in findings(inbound("8888"))
	f.aliases == ["AVD-AZU-0047"]
}

test_database_port_from_the_internet_tag_names_trivy if {
	some f in findings(object.union(inbound("5432"), {"source_address_prefix": "Internet"}))
	f.aliases == ["AVD-AZU-0074", "AVD-AZU-0047"]
}

# Two halves of the address space are the internet to planguard, not to Trivy.
test_internet_in_halves_does_not_name_trivy if {
	after := object.union(inbound("5432"), {"source_address_prefix": "", "source_address_prefixes": ["0.0.0.0/1", "128.0.0.0/1"]})
	found := findings(after)
	count(found) == 1
	some f in found
	not f.aliases
}

test_every_port_names_trivy if {
	some f in findings(object.union(inbound("*"), {"source_address_prefix": "0.0.0.0/0"}))
	f.aliases == ["AVD-AZU-0074", "AVD-AZU-0047"]
}

# Azure reads a bare 0.0.0.0 source as any address; Trivy does not.
test_bare_zero_source_names_no_trivy_check if {
	found := findings(object.union(inbound("8888"), {"source_address_prefix": "0.0.0.0"}))
	count(found) == 1
	some f in found
	not f.aliases
}
