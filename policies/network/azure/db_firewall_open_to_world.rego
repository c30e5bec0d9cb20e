# METADATA
# title: Database firewall rule allows the whole internet
# description: >-
#   A server firewall rule from 0.0.0.0 to 255.255.255.255 lets every
#   address on the internet reach the SQL, PostgreSQL or MySQL server behind
#   the ML platform; only the password then stands between it and the data.
#   (The 0.0.0.0-0.0.0.0 rule, "allow Azure services", is not reported.)
# custom:
#   id: PG-AZURE-NET-103
#   severity: high
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule, azurerm_postgresql_flexible_server_firewall_rule, azurerm_postgresql_firewall_rule, azurerm_mysql_flexible_server_firewall_rule, azurerm_mysql_firewall_rule, azurerm_mariadb_firewall_rule]
#   aliases: []
#   related: [CKV_AZURE_11, AVD-AZU-0029]
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "4.1.2"
#   remediation: >-
#     Allow only the addresses that need access, or disable public access
#     and use private endpoints or VNet integration.
package planguard.network.azure.db_firewall_open_to_world

import data.planguard.lib

types := [
	"azurerm_mssql_firewall_rule",
	"azurerm_sql_firewall_rule",
	"azurerm_postgresql_flexible_server_firewall_rule",
	"azurerm_postgresql_firewall_rule",
	"azurerm_mysql_flexible_server_firewall_rule",
	"azurerm_mysql_firewall_rule",
	"azurerm_mariadb_firewall_rule",
]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not lib.is_unknown(r, ["start_ip_address"])
	not lib.is_unknown(r, ["end_ip_address"])
	range := sprintf("%v-%v", [object.get(r.after, "start_ip_address", null), object.get(r.after, "end_ip_address", null)])
	lib.open_to_internet([range])
	finding := {
		"msg": sprintf("Firewall rule %s allows the internet (%s) to reach the database server.", [r.address, range]),
		"resource": r.address,
		"attribute": "end_ip_address",
	}
}
