# METADATA
# title: MySQL, PostgreSQL or MariaDB server does not enforce SSL connections
# description: >-
#   With `ssl_enforcement_enabled = false` clients may connect without TLS,
#   so credentials and query results (features, labels, experiment metadata)
#   cross the network in clear text. The attribute is required by the
#   provider, so there is no default to assume. Checkov judges each server
#   type in a check of its own: a finding names the one of its type.
# custom:
#   id: PG-AZURE-SQL-104
#   severity: high
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_mysql_server, azurerm_postgresql_server, azurerm_mariadb_server]
#   aliases: [AVD-AZU-0020]
#   narrower: [CKV_AZURE_28, CKV_AZURE_29]
#   remediation: >-
#     Set `ssl_enforcement_enabled = true`.
package planguard.encryption.azure.db_ssl_enforcement

import data.planguard.lib

# Each server type and the Checkov check that judges it alone.
checks := {
	"azurerm_mysql_server": ["CKV_AZURE_28"],
	"azurerm_postgresql_server": ["CKV_AZURE_29"],
	"azurerm_mariadb_server": [],
}

paths := [["ssl_enforcement_enabled"]]

deny contains finding if {
	some t, ids in checks
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == false
	finding := object.union(
		{
			"msg": sprintf("Database server %s accepts connections without SSL/TLS.", [r.address]),
			"resource": r.address,
			"attribute": lib.path_text(path),
		},
		lib.naming(ids),
	)
}
