package planguard.network.azure.private_endpoint_missing_test

import data.planguard.network.azure.private_endpoint_missing as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.data", [type]),
	"config_address": sprintf("%s.data", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

endpoint_for(type) := {sprintf("%s.data", [type]): [{
	"attribute": "private_service_connection.private_connection_resource_id",
	"from": "azurerm_private_endpoint.data",
	"from_type": "azurerm_private_endpoint",
}]}

test_account_without_private_endpoint_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_storage_account", {"name": "data"}, [])
	count(findings) == 1
	some f in findings
	f.resource == "azurerm_storage_account.data"
}

test_vault_and_servers_without_private_endpoint_are_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_key_vault", {"name": "data"}, [])
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_postgresql_flexible_server", {"name": "data"}, [])
}

test_private_endpoint_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mssql_server", {"name": "data"}, [])
		with data.planguard.referrers as endpoint_for("azurerm_mssql_server")
}

test_vnet_injected_flexible_server_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mysql_flexible_server", {"delegated_subnet_id": "/subscriptions/s/subnets/db"}, [])
}

test_delegated_subnet_set_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_mysql_flexible_server", {"name": "data"}, ["delegated_subnet_id"])
}
