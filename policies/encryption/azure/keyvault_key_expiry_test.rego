package planguard.encryption.azure.keyvault_key_expiry_test

import data.planguard.encryption.azure.keyvault_key_expiry as policy

res(after, unknown) := {"azurerm_key_vault_key": [{
	"address": "azurerm_key_vault_key.cmk",
	"config_address": "azurerm_key_vault_key.cmk",
	"type": "azurerm_key_vault_key",
	"after": after,
	"unknown_paths": unknown,
}]}

test_missing_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res({"name": "x", "expiration_date": null}, [])
	some f in findings
	f.resource == "azurerm_key_vault_key.cmk"
	f.attribute == "expiration_date"
}

test_empty_key_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res({"expiration_date": ""}, [])
}

test_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({"expiration_date": "2026-12-31T00:00:00Z"}, [])
}

test_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({}, [])
		with data.planguard.references as {"azurerm_key_vault_key.cmk": [{"attribute": "expiration_date", "to": "time_offset.expiry"}]}
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({}, ["expiration_date"])
}
