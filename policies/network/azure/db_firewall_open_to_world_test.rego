package planguard.network.azure.db_firewall_open_to_world_test

import data.planguard.network.azure.db_firewall_open_to_world as policy

fw(type, after, unknown) := {type: [{
	"address": sprintf("%s.all", [type]),
	"config_address": sprintf("%s.all", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_world_range_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as fw("azurerm_postgresql_flexible_server_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}, [])
	some f in findings
	f.attribute == "end_ip_address"
}

test_mssql_world_range_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as fw("azurerm_mssql_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}, [])
}

test_office_range_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fw("azurerm_mssql_firewall_rule", {"start_ip_address": "203.0.113.0", "end_ip_address": "203.0.113.255"}, [])
}

test_unknown_range_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fw("azurerm_mssql_firewall_rule", {"start_ip_address": "0.0.0.0"}, ["end_ip_address"])
}
