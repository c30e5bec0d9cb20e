# METADATA
# title: Database server accepts TLS older than 1.2
# description: >-
#   A minimum TLS version below 1.2 (or TLS enforcement disabled) lets
#   clients negotiate deprecated protocol versions with the server that
#   holds training metadata and features. The provider's default is TLS 1.2
#   for SQL Server, MySQL and PostgreSQL servers. Checkov judges SQL Server
#   and MySQL in a check each: a finding names the one of its type.
# custom:
#   id: PG-AZURE-SQL-105
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_mssql_server, azurerm_mysql_server, azurerm_postgresql_server]
#   aliases: [AVD-AZU-0026]
#   narrower: [CKV_AZURE_52, CKV_AZURE_54]
#   defaults:
#     - azurerm_mssql_server minimum_tls_version
#     - azurerm_mysql_server ssl_minimal_tls_version_enforced
#     - azurerm_postgresql_server ssl_minimal_tls_version_enforced
#   remediation: >-
#     Set `minimum_tls_version = "1.2"` (SQL Server) or
#     `ssl_minimal_tls_version_enforced = "TLS1_2"` (MySQL, PostgreSQL).
package planguard.encryption.azure.db_min_tls

import data.planguard.lib

# Each server type and the Checkov check that judges it alone.
checks := {
	"azurerm_mssql_server": ["CKV_AZURE_52"],
	"azurerm_mysql_server": ["CKV_AZURE_54"],
	"azurerm_postgresql_server": [],
}

# SQL Server names the setting minimum_tls_version ("1.2"); MySQL and
# PostgreSQL servers ssl_minimal_tls_version_enforced ("TLS1_2").
# The same setting under its names across provider versions.
paths := [["minimum_tls_version"], ["ssl_minimal_tls_version_enforced"]]

deny contains finding if {
	some t, ids in checks
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value in weak
	finding := object.union(
		{
			"msg": sprintf("Database server %s accepts TLS versions older than 1.2.", [r.address]),
			"resource": r.address,
			"attribute": lib.path_text(path),
		},
		lib.naming(ids),
	)
}

weak := {"1.0", "1.1", "Disabled", "TLS1_0", "TLS1_1", "TLSEnforcementDisabled"}
