package planguard.network.azure.nsg_inbound_from_internet_test

import data.planguard.network.azure.nsg_inbound_from_internet as policy

rule(after, unknown) := {"azurerm_network_security_rule": [{
	"address": "azurerm_network_security_rule.web",
	"type": "azurerm_network_security_rule",
	"after": after,
	"unknown_paths": unknown,
}]}

group(rules) := {"azurerm_network_security_group": [{
	"address": "azurerm_network_security_group.serving",
	"type": "azurerm_network_security_group",
	"after": {"security_rule": rules},
	"unknown_paths": [],
}]}

inbound(source) := {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": source, "destination_port_range": "443"}

test_inbound_from_any_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as rule(inbound("*"), [])
	count(findings) == 1
	some f in findings
	f.attribute == "source_address_prefix"
}

test_group_block_from_internet_tag_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as group([inbound("10.0.0.0/8"), object.union(inbound("Internet"), {"name": "https"})])
	count(findings) == 1
	some f in findings
	f.attribute == "security_rule.1.source_address_prefix"
	contains(f.msg, "https in azurerm_network_security_group.serving")
}

test_ranges_that_cover_the_internet_are_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as rule(object.union(inbound(null), {"source_address_prefixes": ["0.0.0.0/1", "128.0.0.0/1"]}), [])
}

test_private_source_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(inbound("10.20.0.0/16"), [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(inbound("AzureLoadBalancer"), [])
}

test_deny_and_outbound_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(inbound("*"), {"access": "Deny"}), [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(inbound("*"), {"direction": "Outbound"}), [])
}

test_unknown_source_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(inbound(null), ["source_address_prefix"])
}

test_sensitive_ports_are_left_to_the_specific_rules if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(inbound("*"), {"destination_port_range": "22"}), [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(inbound("*"), {"destination_port_range": "*"}), [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(inbound("*"), {"destination_port_range": "8800-8900"}), [])
	# A legacy protocol port is PG-AZURE-NET-106's.
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(inbound("*"), {"destination_port_range": "21"}), [])
}

test_icmp_from_internet_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as rule(object.union(inbound("*"), {"protocol": "Icmp", "destination_port_range": "*"}), [])
}

# Trivy's AVD-AZU-0047 fails every inbound Allow rule from a source it reads
# as any address; it does not add up ranges, nor read a bare 0.0.0.0.
test_any_address_source_names_trivy if {
	some f in policy.deny with data.planguard.resources_by_type as rule(inbound("*"), [])
	f.aliases == ["AVD-AZU-0047"]
	some g in policy.deny with data.planguard.resources_by_type as rule(inbound("internet"), [])
	g.aliases == ["AVD-AZU-0047"]
	some h in policy.deny with data.planguard.resources_by_type as rule(object.union(inbound(null), {"source_address_prefixes": ["10.0.0.0/8", "::/0"]}), [])
	h.aliases == ["AVD-AZU-0047"]
}

test_internet_in_halves_does_not_name_trivy if {
	found := policy.deny with data.planguard.resources_by_type as rule(object.union(inbound(null), {"source_address_prefixes": ["0.0.0.0/1", "128.0.0.0/1"]}), [])
	count(found) == 1
	some f in found
	not f.aliases
}

# ICMP from anywhere: no port for PG-AZURE-NET-101 or -106, so this rule
# reports it, and Trivy's check names it.
test_icmp_from_any_address_names_trivy if {
	some f in policy.deny with data.planguard.resources_by_type as rule(object.union(inbound("*"), {"protocol": "Icmp", "destination_port_range": "*"}), [])
	f.aliases == ["AVD-AZU-0047"]
}
