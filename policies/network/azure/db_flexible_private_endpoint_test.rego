package planguard.network.azure.db_flexible_private_endpoint_test

import data.planguard.lib.test as t
import data.planguard.network.azure.db_flexible_private_endpoint as policy

server := "azurerm_postgresql_flexible_server.tracking"

resources(after, unknown, endpoints) := {
	"azurerm_postgresql_flexible_server": [{"address": server, "config_address": server, "type": "azurerm_postgresql_flexible_server", "after": after, "unknown_paths": unknown}],
	"azurerm_private_endpoint": endpoints,
}

endpoint(subresources) := {
	"address": "azurerm_private_endpoint.pe",
	"config_address": "azurerm_private_endpoint.pe",
	"type": "azurerm_private_endpoint",
	"after": {"private_service_connection": [{"subresource_names": subresources}]},
	"unknown_paths": ["private_service_connection.0.private_connection_resource_id"],
}

findings(after, unknown, endpoints, referrers) := found if {
	found := policy.deny with data.planguard.resources_by_type as resources(after, unknown, endpoints)
		with data.planguard.references as {}
		with data.planguard.referrers as {server: referrers}
}

pe_referrer := {"attribute": "private_service_connection.private_connection_resource_id", "from": "azurerm_private_endpoint.pe", "from_type": "azurerm_private_endpoint"}

# Left out, delegated_subnet_id means public access, and no endpoint connects.
test_public_server_without_endpoint_is_denied if {
	t.assert_denied(findings({"name": "x"}, ["id"], [], []), server, "delegated_subnet_id")
}

# Checkov's CKV2_AZURE_57 raises it too: no endpoint refers to the server.
test_finding_without_any_endpoint_reference_names_the_checkov_check if {
	some f in findings({"name": "x"}, ["id"], [], [])
	f.aliases == ["CKV2_AZURE_57"]
}

test_mysql_finding_names_the_mysql_check if {
	mysql := "azurerm_mysql_flexible_server.features"
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(mysql, {"name": "x"}, ["id"])
		with data.planguard.references as {}
		with data.planguard.referrers as {}
	some f in found
	f.resource == mysql
	f.aliases == ["CKV2_AZURE_56"]
}

# An endpoint named after the server but connected elsewhere: Checkov's graph
# counts the name reference as a connection and passes the server, so the
# finding does not name its check.
test_endpoint_referring_only_by_name_does_not_name_the_checkov_check if {
	name_ref := {"attribute": "name", "from": "azurerm_private_endpoint.pe", "from_type": "azurerm_private_endpoint"}
	found := findings({"name": "x"}, ["id"], [], [name_ref])
	t.assert_denied(found, server, "delegated_subnet_id")
	some f in found
	not f.aliases
}

# An endpoint that names the existing server's id as a literal connects to it
# (Checkov's graph sees no reference and fails the server).
test_endpoint_naming_the_known_id_passes if {
	id := "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/tracking"
	literal := {
		"address": "azurerm_private_endpoint.pe",
		"config_address": "azurerm_private_endpoint.pe",
		"type": "azurerm_private_endpoint",
		"after": {"private_service_connection": [{"private_connection_resource_id": id, "subresource_names": ["postgresqlServer"]}]},
		"unknown_paths": [],
	}
	t.assert_passes(findings({"name": "x", "id": id}, [], [literal], []), server)
}

test_public_server_with_endpoint_passes if {
	t.assert_passes(findings({"name": "x", "delegated_subnet_id": null}, ["id"], [endpoint(["postgresqlServer"])], [pe_referrer]), server)
}

# Checkov's CKV2_AZURE_56/57 fail this server: Azure gives a VNet-integrated
# server no public endpoint and no private endpoint can be added to it.
test_vnet_integrated_server_passes if {
	subnet := "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/db"
	t.assert_passes(findings({"name": "x", "delegated_subnet_id": subnet}, ["id"], [], []), server)
}

# delegated_subnet_id = azurerm_subnet.db.id: known after apply, VNet integration all the same.
test_subnet_known_after_apply_is_not_judged if {
	t.assert_passes(findings({"name": "x"}, ["id", "delegated_subnet_id"], [], []), server)
}

test_server_behind_an_unknown_endpoint_is_not_judged if {
	t.assert_passes(findings({"name": "x"}, ["id"], [endpoint(["postgresqlServer"])], []), server)
}

test_unknown_mysql_endpoint_does_not_hide_the_postgres_server if {
	t.assert_denied(findings({"name": "x"}, ["id"], [endpoint(["mysqlServer"])], []), server, "delegated_subnet_id")
}
