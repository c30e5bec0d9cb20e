package planguard.network.azure.storage_network_open_test

import data.planguard.network.azure.storage_network_open as policy

account(after, unknown) := {"azurerm_storage_account": [{
	"address": "azurerm_storage_account.datasets",
	"config_address": "azurerm_storage_account.datasets",
	"type": "azurerm_storage_account",
	"after": after,
	"unknown_paths": unknown,
}]}

test_open_account_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as account({"public_network_access_enabled": true, "network_rules": []}, [])
	some f in findings
	f.attribute == "network_rules"
}

test_inline_deny_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"network_rules": [{"default_action": "Deny", "ip_rules": ["203.0.113.0/24"]}]}, [])
}

test_separate_rules_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"network_rules": []}, [])
		with data.planguard.referrers as {"azurerm_storage_account.datasets": [{"attribute": "storage_account_id", "from": "azurerm_storage_account_network_rules.r", "from_type": "azurerm_storage_account_network_rules"}]}
}

test_separate_allow_rules_are_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as {"azurerm_storage_account_network_rules": [{
		"address": "azurerm_storage_account_network_rules.r",
		"config_address": "azurerm_storage_account_network_rules.r",
		"type": "azurerm_storage_account_network_rules",
		"after": {"default_action": "Allow"},
		"unknown_paths": [],
	}]}
}

test_private_account_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"public_network_access_enabled": false, "network_rules": []}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"network_rules": [{}]}, ["network_rules.0.default_action"])
}
