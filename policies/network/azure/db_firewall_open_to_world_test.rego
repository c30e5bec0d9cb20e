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

# A range from 0.0.0.0 to a public address holds less than a /8 of public
# addresses here, and is reported all the same: it lists no known clients.
test_range_from_zero_to_a_public_address_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as fw("azurerm_mysql_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "1.0.0.255"}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "end_ip_address"
	f.aliases == ["CKV_AZURE_11"]
}

# Checkov's CKV_AZURE_11 fails every rule that starts at 0.0.0.0; one that
# ends inside 0.0.0.0/8 admits no address a client can have.
test_range_inside_zero_slash_eight_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fw("azurerm_mysql_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.255"}, [])
}

# 0.0.0.0-0.0.0.0 is "allow Azure services": PG-AZURE-NET-109 reports it.
test_azure_services_rule_is_not_an_internet_range if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fw("azurerm_postgresql_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}, [])
}

# CKV_AZURE_11 reads single-server and legacy SQL firewall rules that start
# at 0.0.0.0: the finding names it there, not on other types or starts.
test_single_server_world_range_names_the_checkov_check if {
	some f in policy.deny with data.planguard.resources_by_type as fw("azurerm_postgresql_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}, [])
	f.aliases == ["CKV_AZURE_11"]
}

test_mssql_world_range_names_no_check if {
	findings := policy.deny with data.planguard.resources_by_type as fw("azurerm_mssql_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}, [])
	count(findings) == 1
	some f in findings
	not f.aliases
}

test_world_range_not_from_zero_names_no_check if {
	findings := policy.deny with data.planguard.resources_by_type as fw("azurerm_sql_firewall_rule", {"start_ip_address": "1.0.0.0", "end_ip_address": "223.255.255.255"}, [])
	count(findings) == 1
	some f in findings
	not f.aliases
}

test_start_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as fw("azurerm_sql_firewall_rule", {"end_ip_address": "1.0.0.255"}, ["start_ip_address"])
}
