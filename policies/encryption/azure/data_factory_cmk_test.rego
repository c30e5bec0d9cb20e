package planguard.encryption.azure.data_factory_cmk_test

import data.planguard.encryption.azure.data_factory_cmk as policy

factory(after, unknown) := {"azurerm_data_factory": [{
	"address": "azurerm_data_factory.ingest",
	"type": "azurerm_data_factory",
	"after": after,
	"unknown_paths": unknown,
}]}

test_factory_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as factory({"customer_managed_key_id": ""}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "customer_managed_key_id"
}

test_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as factory({"customer_managed_key_id": "https://kv.vault.azure.net/keys/adf/1"}, [])
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as factory({"name": "ingest"}, ["customer_managed_key_id"])
}

test_left_out_uses_microsoft_managed_keys if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as factory({"name": "ingest"}, [])
}
