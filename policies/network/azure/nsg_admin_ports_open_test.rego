package planguard.network.azure.nsg_admin_ports_open_test

import data.planguard.network.azure.nsg_admin_ports_open as policy

rule(after, unknown) := {"azurerm_network_security_rule": [{
	"address": "azurerm_network_security_rule.ssh",
	"config_address": "azurerm_network_security_rule.ssh",
	"type": "azurerm_network_security_rule",
	"after": after,
	"unknown_paths": unknown,
}]}

open_ssh := {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "Internet", "destination_port_range": "22"}

test_ssh_from_internet_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as rule(open_ssh, [])
	some f in findings
	f.resource == "azurerm_network_security_rule.ssh"
	contains(f.msg, "SSH")
}

test_all_ports_from_star_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as rule({"direction": "Inbound", "access": "Allow", "protocol": "*", "source_address_prefix": "*", "destination_port_range": "*"}, [])
}

test_inline_rdp_range_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"azurerm_network_security_group": [{
		"address": "azurerm_network_security_group.gpu",
		"config_address": "azurerm_network_security_group.gpu",
		"type": "azurerm_network_security_group",
		"after": {"security_rule": [{"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefixes": ["0.0.0.0/0"], "destination_port_range": "", "destination_port_ranges": ["3000-4000"]}]},
		"unknown_paths": [],
	}]}
	some f in findings
	f.attribute == "security_rule.0"
	contains(f.msg, "RDP")
}

test_https_from_internet_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(open_ssh, {"destination_port_range": "443"}), [])
}

test_private_source_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(open_ssh, {"source_address_prefix": "10.0.0.0/8"}), [])
}

test_deny_rule_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.union(open_ssh, {"access": "Deny"}), [])
}

test_unknown_source_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rule(object.remove(open_ssh, ["source_address_prefix"]), ["source_address_prefix"])
}

# Trivy's AVD-AZU-0047 fails every inbound rule from a source it reads as any
# address: the findings name it, in a rule resource and in a group's block.
test_any_address_source_names_trivy if {
	some f in policy.deny with data.planguard.resources_by_type as rule(open_ssh, [])
	f.aliases == ["AVD-AZU-0047"]
	some g in policy.deny with data.planguard.resources_by_type as {"azurerm_network_security_group": [{
		"address": "azurerm_network_security_group.gpu",
		"config_address": "azurerm_network_security_group.gpu",
		"type": "azurerm_network_security_group",
		"after": {"security_rule": [{"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefixes": ["0.0.0.0/0"], "destination_port_range": "3389"}]},
		"unknown_paths": [],
	}]}
	g.aliases == ["AVD-AZU-0047"]
}

# Two halves of the address space and a bare 0.0.0.0 are the internet to
# planguard (and Azure), not to Trivy.
test_internet_trivy_does_not_read_as_any_names_no_trivy_check if {
	halves := object.union(object.remove(open_ssh, ["source_address_prefix"]), {"source_address_prefixes": ["0.0.0.0/1", "128.0.0.0/1"]})
	some f in policy.deny with data.planguard.resources_by_type as rule(halves, [])
	not f.aliases
	some g in policy.deny with data.planguard.resources_by_type as rule(object.union(open_ssh, {"source_address_prefix": "0.0.0.0"}), [])
	not g.aliases
}
