package planguard.network.azure.keyvault_private_endpoint_test

import data.planguard.lib.test as t
import data.planguard.network.azure.keyvault_private_endpoint as policy

vault := "azurerm_key_vault.ml"

pe_attribute := "private_service_connection.private_connection_resource_id"

resources(endpoints) := {
	"azurerm_key_vault": [{"address": vault, "config_address": vault, "type": "azurerm_key_vault", "after": {"name": "ml"}, "unknown_paths": ["id"]}],
	"azurerm_private_endpoint": endpoints,
}

endpoint(subresources, unknown) := {
	"address": "azurerm_private_endpoint.pe",
	"config_address": "azurerm_private_endpoint.pe",
	"type": "azurerm_private_endpoint",
	"after": {"private_service_connection": [{"subresource_names": subresources}]},
	"unknown_paths": [sprintf("private_service_connection.0.%s", [u]) | some u in unknown],
}

findings(endpoints, referrers) := found if {
	found := policy.deny with data.planguard.resources_by_type as resources(endpoints)
		with data.planguard.references as {}
		with data.planguard.referrers as {vault: referrers}
}

test_vault_without_endpoint_is_denied if {
	t.assert_denied(findings([], []), vault, "id")
}

test_vault_with_endpoint_passes if {
	referrers := [{"attribute": pe_attribute, "from": "azurerm_private_endpoint.pe", "from_type": "azurerm_private_endpoint"}]
	t.assert_passes(findings([endpoint(["vault"], ["private_connection_resource_id"])], referrers), vault)
}

test_vault_behind_an_unknown_endpoint_is_not_judged if {
	t.assert_passes(findings([endpoint(["vault"], ["private_connection_resource_id"])], []), vault)
}

test_unknown_blob_endpoint_does_not_hide_the_vault if {
	t.assert_denied(findings([endpoint(["blob"], ["private_connection_resource_id"])], []), vault, "id")
}
