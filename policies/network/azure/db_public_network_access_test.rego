package planguard.network.azure.db_public_network_access_test

import data.planguard.network.azure.db_public_network_access as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.features", [type]),
	"config_address": sprintf("%s.features", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_postgresql_server", {"public_network_access_enabled": true}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "public_network_access_enabled"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_postgresql_flexible_server", {"public_network_access_enabled": true}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "public_network_access_enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mysql_server", {"public_network_access_enabled": false}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mysql_server", {"name": "x"}, ["public_network_access_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_mysql_server", {"name": "x"}, [])
}

# MariaDB single server: public network access defaults to on, like MySQL's.
test_mariadb_left_out_takes_the_provider_default if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_mariadb_server", {"name": "x"}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "public_network_access_enabled"
	f.aliases == ["CKV_AZURE_48", "AVD-AZU-0022"]
}

test_mariadb_closed_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mariadb_server", {"public_network_access_enabled": false}, [])
}

test_mariadb_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mariadb_server", {"name": "x"}, ["public_network_access_enabled"])
}

# Each finding names the checks that judge its server type, and a flexible
# server's none: Checkov's and Trivy's checks read single servers only.
test_single_server_findings_name_their_checks if {
	some m in policy.deny with data.planguard.resources_by_type as res("azurerm_mysql_server", {"public_network_access_enabled": true}, [])
	m.aliases == ["CKV_AZURE_53", "CKV_AZURE_90", "AVD-AZU-0022"]
	some p in policy.deny with data.planguard.resources_by_type as res("azurerm_postgresql_server", {"public_network_access_enabled": true}, [])
	p.aliases == ["CKV_AZURE_68", "AVD-AZU-0022"]
}

test_flexible_server_finding_names_no_check if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_mysql_flexible_server", {"public_network_access_enabled": true}, [])
	count(findings) == 1
	some f in findings
	not f.aliases
}
