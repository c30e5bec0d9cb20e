package planguard.network.azure.db_firewall_azure_services_test

import data.planguard.lib.test as t
import data.planguard.network.azure.db_firewall_azure_services as policy

findings(type, after, unknown) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(sprintf("%s.azure", [type]), after, unknown)
}

test_azure_services_rule_is_denied if {
	t.assert_denied(findings("azurerm_mssql_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}, []), "azurerm_mssql_firewall_rule.azure", "start_ip_address")
	t.assert_denied(findings("azurerm_postgresql_flexible_server_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}, []), "azurerm_postgresql_flexible_server_firewall_rule.azure", "start_ip_address")
}

test_office_range_passes if {
	t.assert_passes(findings("azurerm_mssql_firewall_rule", {"start_ip_address": "203.0.113.0", "end_ip_address": "203.0.113.255"}, []), "azurerm_mssql_firewall_rule.azure")
}

# Wider ranges from 0.0.0.0 are PG-AZURE-NET-103's.
test_internet_range_is_not_this_rules if {
	t.assert_passes(findings("azurerm_mssql_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}, []), "azurerm_mssql_firewall_rule.azure")
}

test_end_known_after_apply_is_not_denied if {
	t.assert_passes(findings("azurerm_mssql_firewall_rule", {"start_ip_address": "0.0.0.0"}, ["end_ip_address"]), "azurerm_mssql_firewall_rule.azure")
}

# Checkov's CKV_AZURE_11 reads single-server and legacy SQL firewall rules.
test_single_server_rule_names_the_checkov_check if {
	some f in findings("azurerm_mariadb_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}, [])
	f.aliases == ["CKV_AZURE_11"]
}

test_flexible_server_rule_names_no_check if {
	found := findings("azurerm_mysql_flexible_server_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}, [])
	t.assert_count(found, 1)
	some f in found
	not f.aliases
}
