package planguard.network.azure.storage_public_network_access_test

import data.planguard.network.azure.storage_public_network_access as policy

account(after, unknown) := {"azurerm_storage_account": [{
	"address": "azurerm_storage_account.models",
	"config_address": "azurerm_storage_account.models",
	"type": "azurerm_storage_account",
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_access_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as account({"public_network_access_enabled": true}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "public_network_access_enabled"
}

test_enabled_string_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as account({"public_network_access": "Enabled", "public_network_access_enabled": false}, [])
	some f in findings
	f.attribute == "public_network_access"
}

test_private_account_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"public_network_access_enabled": false}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"public_network_access": "SecuredByPerimeter"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"name": "models"}, ["public_network_access_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as account({"name": "models"}, [])
}
