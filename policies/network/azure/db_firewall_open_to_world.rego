# METADATA
# title: Database firewall rule allows the whole internet
# description: >-
#   A server firewall rule from 0.0.0.0 to 255.255.255.255 lets every
#   address on the internet reach the SQL, PostgreSQL or MySQL server behind
#   the ML platform; only the password then stands between it and the data.
#   A rule is reported when its range holds at least a /8 of public
#   addresses (the internet threshold, `network.internet_ipv4_prefix` in
#   the configuration), or when it starts at 0.0.0.0 and reaches a public
#   address: such a range lists no known clients, it is the start of the
#   address space. The 0.0.0.0-0.0.0.0
#   rule, "allow Azure services", is PG-AZURE-NET-109's. A finding names
#   Checkov's CKV_AZURE_11 when it starts at 0.0.0.0 on the firewall rule
#   types that check reads (single servers and legacy SQL servers).
# custom:
#   id: PG-AZURE-NET-103
#   severity: high
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule, azurerm_postgresql_flexible_server_firewall_rule, azurerm_postgresql_firewall_rule, azurerm_mysql_flexible_server_firewall_rule, azurerm_mysql_firewall_rule, azurerm_mariadb_firewall_rule]
#   aliases: []
#   narrower: [CKV_AZURE_11]
#   related: [AVD-AZU-0029]
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
	start := object.get(r.after, "start_ip_address", null)
	end := object.get(r.after, "end_ip_address", null)
	range := sprintf("%v-%v", [start, end])
	admits_internet(range, start, end)
	finding := object.union(
		{
			"msg": sprintf("Firewall rule %s allows the internet (%s) to reach the database server.", [r.address, range]),
			"resource": r.address,
			"attribute": "end_ip_address",
		},
		checkov_alias(r),
	)
}

admits_internet(range, _, _) if lib.open_to_internet([range])

# 0.0.0.0 up to any address outside 0.0.0.0/8 (which no client can have).
admits_internet(_, "0.0.0.0", end) if {
	is_string(end)
	regex.match(`^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$`, end)
	not startswith(end, "0.")
}

# The firewall rule types Checkov's CKV_AZURE_11 reads, and the start
# addresses it fails (it never reads the end).
checkov_types := {"azurerm_mariadb_firewall_rule", "azurerm_sql_firewall_rule", "azurerm_postgresql_firewall_rule", "azurerm_mysql_firewall_rule"}

checkov_alias(r) := {"aliases": ["CKV_AZURE_11"]} if {
	r.type in checkov_types
	object.get(r.after, "start_ip_address", null) in {"0.0.0.0", "0.0.0.0/0"}
} else := {}
