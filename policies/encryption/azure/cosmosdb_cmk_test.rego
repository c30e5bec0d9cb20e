package planguard.encryption.azure.cosmosdb_cmk_test

import data.planguard.encryption.azure.cosmosdb_cmk as policy

res(after, unknown) := {"azurerm_cosmosdb_account": [{
	"address": "azurerm_cosmosdb_account.features",
	"config_address": "azurerm_cosmosdb_account.features",
	"type": "azurerm_cosmosdb_account",
	"after": after,
	"unknown_paths": unknown,
}]}

test_missing_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res({"name": "x", "key_vault_key_id": null}, [])
	some f in findings
	f.resource == "azurerm_cosmosdb_account.features"
	f.attribute == "key_vault_key_id"
}

test_empty_key_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res({"key_vault_key_id": ""}, [])
}

test_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({"key_vault_key_id": "https://kv.vault.azure.net/keys/cosmos"}, [])
}

test_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({}, [])
		with data.planguard.references as {"azurerm_cosmosdb_account.features": [{"attribute": "key_vault_key_id", "to": "azurerm_key_vault_key.k"}]}
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({}, ["key_vault_key_id"])
}
