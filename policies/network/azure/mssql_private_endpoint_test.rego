package planguard.network.azure.mssql_private_endpoint_test

import data.planguard.lib.test as t
import data.planguard.network.azure.mssql_private_endpoint as policy

server := "azurerm_mssql_server.features"

resources(endpoints) := {
	"azurerm_mssql_server": [{"address": server, "config_address": server, "type": "azurerm_mssql_server", "after": {"name": "sql-features"}, "unknown_paths": ["id"]}],
	"azurerm_private_endpoint": endpoints,
}

endpoint(subresources) := {
	"address": "azurerm_private_endpoint.pe",
	"config_address": "azurerm_private_endpoint.pe",
	"type": "azurerm_private_endpoint",
	"after": {"private_service_connection": [{"subresource_names": subresources}]},
	"unknown_paths": ["private_service_connection.0.private_connection_resource_id"],
}

findings(endpoints, referrers) := found if {
	found := policy.deny with data.planguard.resources_by_type as resources(endpoints)
		with data.planguard.references as {}
		with data.planguard.referrers as {server: referrers}
}

test_server_without_endpoint_is_denied if {
	t.assert_denied(findings([], []), server, "id")
}

test_server_with_endpoint_passes if {
	referrers := [{"attribute": "private_service_connection.private_connection_resource_id", "from": "azurerm_private_endpoint.pe", "from_type": "azurerm_private_endpoint"}]
	t.assert_passes(findings([endpoint(["sqlServer"])], referrers), server)
}

test_server_behind_an_unknown_endpoint_is_not_judged if {
	t.assert_passes(findings([endpoint(["sqlServer"])], []), server)
}

test_unknown_endpoint_of_another_service_does_not_hide_the_server if {
	t.assert_denied(findings([endpoint(["postgresqlServer"])], []), server, "id")
}
