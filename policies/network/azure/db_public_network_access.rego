# METADATA
# title: MySQL, PostgreSQL or MariaDB server allows public network access
# description: >-
#   A database server with public network access accepts connections on its
#   public endpoint from any address its firewall rules admit; with it off,
#   clients (feature pipelines, experiment trackers) reach it through
#   private endpoints or VNet integration only. The provider's default for
#   single servers (MySQL, PostgreSQL, MariaDB) is on; flexible servers are
#   judged on the planned value. PG-AZURE-SQL-102 judges SQL Server. The
#   checks of Checkov and Trivy judge single servers only: a finding names
#   those of its server type.
# custom:
#   id: PG-AZURE-SQL-103
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_mysql_server, azurerm_postgresql_server, azurerm_mariadb_server, azurerm_mysql_flexible_server, azurerm_postgresql_flexible_server]
#   aliases: []
#   narrower: [CKV_AZURE_53, CKV_AZURE_90, CKV_AZURE_68, CKV_AZURE_48, AVD-AZU-0022]
#   defaults:
#     - azurerm_mysql_server public_network_access_enabled
#     - azurerm_postgresql_server public_network_access_enabled
#     - azurerm_mariadb_server public_network_access_enabled
#   remediation: >-
#     Set `public_network_access_enabled = false` and connect through a
#     private endpoint (single server) or a delegated subnet (flexible
#     server).
package planguard.network.azure.db_public_network_access

import data.planguard.lib

# Each server type and the other tools' checks that judge it.
checks := {
	"azurerm_mysql_server": ["CKV_AZURE_53", "CKV_AZURE_90", "AVD-AZU-0022"],
	"azurerm_postgresql_server": ["CKV_AZURE_68", "AVD-AZU-0022"],
	"azurerm_mariadb_server": ["CKV_AZURE_48", "AVD-AZU-0022"],
	"azurerm_mysql_flexible_server": [],
	"azurerm_postgresql_flexible_server": [],
}

paths := [["public_network_access_enabled"]]

deny contains finding if {
	some t, ids in checks
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == true
	finding := object.union(
		{
			"msg": sprintf("Database server %s accepts connections on its public endpoint.", [r.address]),
			"resource": r.address,
			"attribute": lib.path_text(path),
		},
		lib.naming(ids),
	)
}
