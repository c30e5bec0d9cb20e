# METADATA
# title: MySQL or PostgreSQL server does not add infrastructure (double) encryption
# description: >-
#   Without infrastructure encryption the server's data at rest is encrypted
#   once, with service-managed keys; with it a second layer uses a different
#   algorithm and key, so one broken layer does not expose the data. It can
#   only be chosen at creation; the provider's default is off. Checkov
#   judges each server type in a check of its own: a finding names the one
#   of its type.
# custom:
#   id: PG-AZURE-SQL-106
#   severity: low
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_mysql_server, azurerm_postgresql_server]
#   aliases: []
#   narrower: [CKV_AZURE_96, CKV_AZURE_130]
#   defaults:
#     - azurerm_mysql_server infrastructure_encryption_enabled
#     - azurerm_postgresql_server infrastructure_encryption_enabled
#   remediation: >-
#     Create the server with `infrastructure_encryption_enabled = true`.
package planguard.encryption.azure.db_infrastructure_encryption

import data.planguard.lib

# Each server type and the Checkov check that judges it alone.
checks := {
	"azurerm_mysql_server": ["CKV_AZURE_96"],
	"azurerm_postgresql_server": ["CKV_AZURE_130"],
}

paths := [["infrastructure_encryption_enabled"]]

deny contains finding if {
	some t, ids in checks
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value != true
	finding := object.union(
		{
			"msg": sprintf("Database server %s does not add infrastructure (double) encryption.", [r.address]),
			"resource": r.address,
			"attribute": lib.path_text(path),
		},
		lib.naming(ids),
	)
}
