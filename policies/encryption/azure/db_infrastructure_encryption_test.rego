package planguard.encryption.azure.db_infrastructure_encryption_test

import data.planguard.encryption.azure.db_infrastructure_encryption as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.features", [type]),
	"config_address": sprintf("%s.features", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_mysql_server", {"infrastructure_encryption_enabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "infrastructure_encryption_enabled"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_postgresql_server", {"infrastructure_encryption_enabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "infrastructure_encryption_enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mysql_server", {"infrastructure_encryption_enabled": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mysql_server", {"name": "x"}, ["infrastructure_encryption_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_mysql_server", {"name": "x"}, [])
}

# Checkov's CKV_AZURE_96 reads MySQL servers, CKV_AZURE_130 PostgreSQL
# servers: each finding names the one of its type.
test_findings_name_the_check_of_their_server_type if {
	some m in policy.deny with data.planguard.resources_by_type as res("azurerm_mysql_server", {"infrastructure_encryption_enabled": false}, [])
	m.aliases == ["CKV_AZURE_96"]
	some p in policy.deny with data.planguard.resources_by_type as res("azurerm_postgresql_server", {"infrastructure_encryption_enabled": false}, [])
	p.aliases == ["CKV_AZURE_130"]
}
