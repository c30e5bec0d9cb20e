package planguard.network.azure.keyvault_network_open_test

import data.planguard.network.azure.keyvault_network_open as policy

vault(after, unknown) := {"azurerm_key_vault": [{
	"address": "azurerm_key_vault.platform",
	"config_address": "azurerm_key_vault.platform",
	"type": "azurerm_key_vault",
	"after": after,
	"unknown_paths": unknown,
}]}

test_allow_by_default_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as vault({"network_acls": [{"default_action": "Allow", "bypass": "AzureServices"}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "network_acls"
}

test_deny_by_default_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vault({"network_acls": [{"default_action": "Deny", "bypass": "AzureServices", "ip_rules": ["203.0.113.0/24"]}]}, [])
}

test_private_vault_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vault({"public_network_access_enabled": false, "network_acls": []}, [])
}

test_unknown_default_action_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vault({"network_acls": [{"bypass": "AzureServices"}]}, ["network_acls.0.default_action"])
}

test_left_out_acls_take_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as vault({"name": "platform"}, [])
}
