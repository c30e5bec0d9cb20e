package planguard.network.azure.db_private_endpoint_test

import data.planguard.lib.test as t
import data.planguard.network.azure.db_private_endpoint as policy

mysql := "azurerm_mysql_server.features"

postgres := "azurerm_postgresql_server.tracking"

server(address) := {"address": address, "config_address": address, "type": split(address, ".")[0], "after": {"name": "x"}, "unknown_paths": ["id"]}

endpoint(subresources) := {
	"address": "azurerm_private_endpoint.pe",
	"config_address": "azurerm_private_endpoint.pe",
	"type": "azurerm_private_endpoint",
	"after": {"private_service_connection": [{"subresource_names": subresources}]},
	"unknown_paths": ["private_service_connection.0.private_connection_resource_id"],
}

pe_referrer := {"attribute": "private_service_connection.private_connection_resource_id", "from": "azurerm_private_endpoint.pe", "from_type": "azurerm_private_endpoint"}

findings(endpoints, referrers) := found if {
	found := policy.deny with data.planguard.resources_by_type as {
		"azurerm_mysql_server": [server(mysql)],
		"azurerm_postgresql_server": [server(postgres)],
		"azurerm_private_endpoint": endpoints,
	}
		with data.planguard.references as {}
		with data.planguard.referrers as referrers
}

# Each finding names the Checkov check of its server type, and only that one.
test_servers_without_endpoints_are_denied_with_their_check if {
	found := findings([], {})
	t.assert_denied(found, mysql, "id")
	t.assert_denied(found, postgres, "id")
	some m in found
	m.resource == mysql
	m.aliases == ["CKV2_AZURE_44"]
	some p in found
	p.resource == postgres
	p.aliases == ["CKV2_AZURE_42"]
}

test_server_with_endpoint_passes if {
	found := findings([endpoint(["mysqlServer"])], {mysql: [pe_referrer]})
	t.assert_passes(found, mysql)
	t.assert_denied(found, postgres, "id")
}

# An endpoint for a PostgreSQL server whose target is unknown until apply may
# be this PostgreSQL server's, never the MySQL server's.
test_unknown_endpoint_leaves_only_its_kind_undecided if {
	found := findings([endpoint(["postgresqlServer"])], {})
	t.assert_passes(found, postgres)
	t.assert_denied(found, mysql, "id")
}
