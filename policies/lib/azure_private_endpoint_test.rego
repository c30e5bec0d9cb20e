package planguard.lib.azure_private_endpoint_test

import data.planguard.lib.azure_private_endpoint as pe

account := {"address": "azurerm_storage_account.a", "config_address": "azurerm_storage_account.a", "type": "azurerm_storage_account", "after": {"id": "/x/storageAccounts/A"}, "unknown_paths": []}

endpoint(connection, unknown) := {
	"address": "azurerm_private_endpoint.e",
	"config_address": "azurerm_private_endpoint.e",
	"type": "azurerm_private_endpoint",
	"after": {"private_service_connection": [connection]},
	"unknown_paths": unknown,
}

test_connected_through_the_connection_attribute_only if {
	ref := {"from": "azurerm_private_endpoint.e", "from_type": "azurerm_private_endpoint"}
	pe.connected(account) with data.planguard.referrers as {account.config_address: [object.union(ref, {"attribute": "private_service_connection.private_connection_resource_id"})]}
		with data.planguard.resources_by_type as {}
	not pe.connected(account) with data.planguard.referrers as {account.config_address: [object.union(ref, {"attribute": "name"})]}
		with data.planguard.resources_by_type as {}
}

test_connected_by_known_id_without_case if {
	e := endpoint({"private_connection_resource_id": "/X/STORAGEACCOUNTS/a", "subresource_names": ["blob"]}, [])
	pe.connected(account) with data.planguard.referrers as {}
		with data.planguard.resources_by_type as {"azurerm_private_endpoint": [e]}
}

test_unresolved_subresources if {
	known := endpoint({"subresource_names": ["Blob", "dfs"]}, ["private_service_connection.0.private_connection_resource_id"])
	pe.unresolved_subresources == {"blob", "dfs"} with data.planguard.resources_by_type as {"azurerm_private_endpoint": [known]}
		with data.planguard.references as {}
	# No subresource names, or names known only after apply: any service.
	bare := endpoint({}, ["private_service_connection.0.private_connection_resource_id"])
	pe.unresolved_subresources == {"*"} with data.planguard.resources_by_type as {"azurerm_private_endpoint": [bare]}
		with data.planguard.references as {}
	whole := endpoint({}, ["private_service_connection"])
	pe.unresolved_subresources == {"*"} with data.planguard.resources_by_type as {"azurerm_private_endpoint": [whole]}
		with data.planguard.references as {}
	# The configuration says what the connection refers to: resolved.
	resolved := {"azurerm_private_endpoint.e": [{"attribute": "private_service_connection.private_connection_resource_id", "to": "azurerm_key_vault.k"}]}
	pe.unresolved_subresources == set() with data.planguard.resources_by_type as {"azurerm_private_endpoint": [known]}
		with data.planguard.references as resolved
}

test_undecided_only_for_a_service_the_endpoint_may_serve if {
	e := endpoint({"subresource_names": ["vault"]}, ["private_service_connection.0.private_connection_resource_id"])
	unknown_account := object.union(account, {"after": {}, "unknown_paths": ["id"]})
	pe.undecided(unknown_account, {"vault"}) with data.planguard.resources_by_type as {"azurerm_private_endpoint": [e]}
		with data.planguard.references as {}
		with data.planguard.referrers as {}
	not pe.undecided(unknown_account, {"blob"}) with data.planguard.resources_by_type as {"azurerm_private_endpoint": [e]}
		with data.planguard.references as {}
		with data.planguard.referrers as {}
}
