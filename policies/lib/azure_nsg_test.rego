package planguard.lib.azure_nsg_test

import data.planguard.lib.azure_nsg as nsg

test_allows_reads_direction_and_access if {
	nsg.allows({"direction": "Inbound", "access": "Allow"}, "inbound")
	not nsg.allows({"direction": "Inbound", "access": "Deny"}, "inbound")
	not nsg.allows({"direction": "Outbound", "access": "Allow"}, "inbound")
}

test_internet_sources if {
	nsg.from_internet({"source_address_prefix": "*"})
	nsg.from_internet({"source_address_prefix": "Internet"})
	nsg.from_internet({"source_address_prefix": "0.0.0.0"})
	nsg.from_internet({"source_address_prefixes": ["0.0.0.0/1", "128.0.0.0/1"]})
	not nsg.from_internet({"source_address_prefix": "10.0.0.0/8"})
	not nsg.from_internet({"source_address_prefix": "VirtualNetwork"})
	nsg.to_internet({"destination_address_prefix": "*"})
	not nsg.to_internet({"destination_address_prefix": "10.1.0.0/16"})
}

test_port_ranges if {
	nsg.port_ranges({"destination_port_range": "*"}) == [[0, 65535]]
	nsg.port_ranges({"destination_port_range": "22"}) == [[22, 22]]
	nsg.port_ranges({"destination_port_ranges": ["80", "8000-8999"]}) == [[80, 80], [8000, 8999]]
}

test_rules_of_a_group_and_a_rule if {
	group := {"type": "azurerm_network_security_group", "after": {"security_rule": [{"name": "a"}, {"name": "b"}]}, "unknown_paths": []}
	nsg.rules_of(group) == {"security_rule.0": {"name": "a"}, "security_rule.1": {"name": "b"}}
	rule := {"type": "azurerm_network_security_rule", "after": {"name": "c"}, "unknown_paths": []}
	nsg.rules_of(rule) == {"": {"name": "c"}}
	unknown := {"type": "azurerm_network_security_rule", "after": {"name": "c"}, "unknown_paths": ["source_address_prefix"]}
	nsg.rules_of(unknown) == {}
}

test_names_and_attributes if {
	nsg.rule_name({"type": "azurerm_network_security_rule", "address": "azurerm_network_security_rule.ssh"}, {}) == "azurerm_network_security_rule.ssh"
	nsg.rule_name({"type": "azurerm_network_security_group", "address": "azurerm_network_security_group.g"}, {"name": "ssh"}) == "ssh in azurerm_network_security_group.g"
	nsg.attribute_at("", "protocol") == "protocol"
	nsg.attribute_at("security_rule.2", "protocol") == "security_rule.2.protocol"
}

test_legacy_ports_in_a_range if {
	nsg.legacy_ports_in(20, 25) == {"FTP data (20)", "FTP (21)", "Telnet (23)", "SMTP (25)"}
	nsg.legacy_ports_in(443, 443) == set()
	count(nsg.legacy_ports_in(0, 65535)) == 14
}

# Trivy's "any address": its CIDRs as written, its keywords in any case.
test_trivy_any_source_reads_trivys_values if {
	nsg.trivy_any_source({"source_address_prefix": "*"})
	nsg.trivy_any_source({"source_address_prefix": "INTERNET"})
	nsg.trivy_any_source({"source_address_prefixes": ["10.0.0.0/8", "::/0"]})
	not nsg.trivy_any_source({"source_address_prefix": "0.0.0.0"})
	not nsg.trivy_any_source({"source_address_prefixes": ["0.0.0.0/1", "128.0.0.0/1"]})
	not nsg.trivy_any_source({"source_address_prefix": "0.0.0.0/1"})
}

test_any_ingress_alias_only_on_inbound_allow if {
	rule := {"direction": "Inbound", "access": "Allow", "source_address_prefix": "Any"}
	nsg.any_ingress_alias(rule) == {"aliases": ["AVD-AZU-0047"]}
	nsg.any_ingress_alias(object.union(rule, {"access": "Deny"})) == {}
	nsg.any_ingress_alias(object.union(rule, {"direction": "Outbound"})) == {}
	nsg.any_ingress_alias(object.union(rule, {"source_address_prefix": "VirtualNetwork"})) == {}
}
