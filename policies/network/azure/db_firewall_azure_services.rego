# METADATA
# title: Database firewall rule allows every Azure service
# description: >-
#   A server firewall rule from 0.0.0.0 to 0.0.0.0 is Azure's "allow Azure
#   services and resources to access this server" switch: it admits
#   connections from any address inside Azure, the virtual machines and
#   functions of every other Azure customer included, so anyone with an
#   Azure subscription can reach the SQL, PostgreSQL, MySQL or MariaDB
#   server behind the ML platform and try its passwords. It is not an
#   internet range (PG-AZURE-NET-103 judges those). A finding names
#   Checkov's CKV_AZURE_11 on the firewall rule types it reads (single
#   servers and legacy SQL servers).
# custom:
#   id: PG-AZURE-NET-109
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule, azurerm_postgresql_flexible_server_firewall_rule, azurerm_postgresql_firewall_rule, azurerm_mysql_flexible_server_firewall_rule, azurerm_mysql_firewall_rule, azurerm_mariadb_firewall_rule]
#   aliases: []
#   narrower: [CKV_AZURE_11]
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "4.1.2"
#   remediation: >-
#     Remove the 0.0.0.0-0.0.0.0 rule and let the services that need the
#     database reach it through a private endpoint, VNet integration or a
#     virtual network rule, or allow their outbound addresses only.
package planguard.network.azure.db_firewall_azure_services

import data.planguard.network.azure.db_firewall_open_to_world as fw

deny contains finding if {
	some t in fw.types
	some r in data.planguard.resources_by_type[t]
	object.get(r.after, "start_ip_address", null) == "0.0.0.0"
	object.get(r.after, "end_ip_address", null) == "0.0.0.0"
	finding := object.union(
		{
			"msg": sprintf("Firewall rule %s (0.0.0.0-0.0.0.0) lets every Azure service reach the database server, other customers' resources included.", [r.address]),
			"resource": r.address,
			"attribute": "start_ip_address",
		},
		fw.checkov_alias(r),
	)
}
