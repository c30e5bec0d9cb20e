package planguard.encryption.azure.db_min_tls_test

import data.planguard.encryption.azure.db_min_tls as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.metadata", [type]),
	"config_address": sprintf("%s.metadata", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_mssql_server", {"minimum_tls_version": "1.0"}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "minimum_tls_version"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_mysql_server", {"ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled"}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "ssl_minimal_tls_version_enforced"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mssql_server", {"minimum_tls_version": "1.2"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mssql_server", {"name": "x"}, ["minimum_tls_version"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mssql_server", {"name": "x"}, [])
}

# Checkov's CKV_AZURE_52 reads SQL Server, CKV_AZURE_54 MySQL servers: each
# finding names the one of its type, a PostgreSQL finding neither.
test_findings_name_the_check_of_their_server_type if {
	some s in policy.deny with data.planguard.resources_by_type as res("azurerm_mssql_server", {"minimum_tls_version": "1.0"}, [])
	s.aliases == ["CKV_AZURE_52"]
	some m in policy.deny with data.planguard.resources_by_type as res("azurerm_mysql_server", {"ssl_minimal_tls_version_enforced": "TLS1_0"}, [])
	m.aliases == ["CKV_AZURE_54"]
	some p in policy.deny with data.planguard.resources_by_type as res("azurerm_postgresql_server", {"ssl_minimal_tls_version_enforced": "TLS1_1"}, [])
	not p.aliases
}
