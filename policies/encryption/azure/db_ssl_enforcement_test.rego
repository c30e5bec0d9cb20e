package planguard.encryption.azure.db_ssl_enforcement_test

import data.planguard.encryption.azure.db_ssl_enforcement as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.features", [type]),
	"config_address": sprintf("%s.features", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_mysql_server", {"ssl_enforcement_enabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "ssl_enforcement_enabled"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_mariadb_server", {"ssl_enforcement_enabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "ssl_enforcement_enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mysql_server", {"ssl_enforcement_enabled": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mysql_server", {"name": "x"}, ["ssl_enforcement_enabled"])
}

test_left_out_is_not_judged if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mysql_server", {"name": "x"}, [])
}

# Checkov's CKV_AZURE_28 reads MySQL servers, CKV_AZURE_29 PostgreSQL
# servers, neither MariaDB: each finding names the one of its type.
test_findings_name_the_check_of_their_server_type if {
	some m in policy.deny with data.planguard.resources_by_type as res("azurerm_mysql_server", {"ssl_enforcement_enabled": false}, [])
	m.aliases == ["CKV_AZURE_28"]
	some p in policy.deny with data.planguard.resources_by_type as res("azurerm_postgresql_server", {"ssl_enforcement_enabled": false}, [])
	p.aliases == ["CKV_AZURE_29"]
	some d in policy.deny with data.planguard.resources_by_type as res("azurerm_mariadb_server", {"ssl_enforcement_enabled": false}, [])
	not d.aliases
}
