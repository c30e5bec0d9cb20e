package planguard.network.azure.storage_private_endpoint_test

import data.planguard.lib.test as t
import data.planguard.network.azure.storage_private_endpoint as policy

account := "azurerm_storage_account.datasets"

pe_attribute := "private_service_connection.private_connection_resource_id"

# The account (planned with `after`) and the endpoints `endpoints`.
resources(after, endpoints) := {
	"azurerm_storage_account": [{"address": account, "config_address": account, "type": "azurerm_storage_account", "after": after, "unknown_paths": ["id"]}],
	"azurerm_private_endpoint": endpoints,
}

# A planned endpoint `name` with one connection whose fields in `unknown` are known only after apply.
endpoint(name, connection, unknown) := {
	"address": sprintf("azurerm_private_endpoint.%s", [name]),
	"config_address": sprintf("azurerm_private_endpoint.%s", [name]),
	"type": "azurerm_private_endpoint",
	"after": {"private_service_connection": [connection]},
	"unknown_paths": [sprintf("private_service_connection.0.%s", [u]) | some u in unknown],
}

# The configuration: endpoint `name` refers to `to` at `attribute`.
refers(name, attribute, to) := {"from": sprintf("azurerm_private_endpoint.%s", [name]), "attribute": attribute, "to": to}

findings(after, endpoints, refs) := found if {
	found := policy.deny with data.planguard.resources_by_type as resources(after, endpoints)
		with data.planguard.references as {from: [{"attribute": r.attribute, "to": r.to} | some r in refs; r.from == from] | some from in {r.from | some r in refs}}
		with data.planguard.referrers as {account: [{"attribute": r.attribute, "from": r.from, "from_type": "azurerm_private_endpoint"} | some r in refs; r.to == account]}
}

test_account_without_endpoint_is_denied if {
	t.assert_denied(findings({"name": "datasets"}, [], []), account, "id")
}

test_endpoint_referring_to_the_account_passes if {
	e := endpoint("blob", {"subresource_names": ["blob"]}, ["private_connection_resource_id"])
	t.assert_passes(findings({"name": "datasets"}, [e], [refers("blob", pe_attribute, account)]), account)
}

# Only the connection's resource id connects: an endpoint that merely takes
# its name from the account serves something else.
test_reference_outside_the_connection_is_denied if {
	e := endpoint("other", {"subresource_names": ["vault"]}, ["private_connection_resource_id"])
	refs := [refers("other", "name", account), refers("other", pe_attribute, "azurerm_key_vault.k")]
	t.assert_denied(findings({"name": "datasets"}, [e], refs), account, "id")
}

test_endpoint_of_another_account_is_denied if {
	e := endpoint("other", {"subresource_names": ["blob"]}, ["private_connection_resource_id"])
	t.assert_denied(findings({"name": "datasets"}, [e], [refers("other", pe_attribute, "azurerm_storage_account.other")]), account, "id")
}

# An account that exists already, and an endpoint that names its id (any case).
test_endpoint_naming_the_known_id_passes if {
	id := "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/datasets"
	e := endpoint("blob", {"private_connection_resource_id": upper(id), "subresource_names": ["blob"]}, [])
	t.assert_passes(findings({"id": id}, [e], []), account)
}

test_endpoint_naming_another_id_is_denied if {
	e := endpoint("blob", {"private_connection_resource_id": "/subscriptions/0000/x/storageAccounts/other", "subresource_names": ["blob"]}, [])
	t.assert_denied(findings({"id": "/subscriptions/0000/x/storageAccounts/datasets"}, [e], []), account, "id")
}

# The endpoint's target is known only after apply and the configuration does
# not say what it is (a local value): it may be this account's.
test_endpoint_with_unknown_target_is_not_judged if {
	e := endpoint("blob", {"subresource_names": ["blob"]}, ["private_connection_resource_id"])
	t.assert_passes(findings({"name": "datasets"}, [e], []), account)
}

test_endpoint_with_unknown_target_and_subresources_is_not_judged if {
	e := endpoint("any", {}, ["private_connection_resource_id", "subresource_names"])
	t.assert_passes(findings({"name": "datasets"}, [e], []), account)
}

# An unknown target behind a vault's subresource cannot be a storage account.
test_unknown_vault_endpoint_does_not_hide_the_account if {
	e := endpoint("vault", {"subresource_names": ["vault"]}, ["private_connection_resource_id"])
	t.assert_denied(findings({"name": "datasets"}, [e], []), account, "id")
}
