package planguard.network.azure.storage_trusted_services_bypass_test

import data.planguard.network.azure.storage_trusted_services_bypass as policy

account(after, unknown) := {"azurerm_storage_account": [{
	"address": "azurerm_storage_account.datasets",
	"config_address": "azurerm_storage_account.datasets",
	"type": "azurerm_storage_account",
	"after": after,
	"unknown_paths": unknown,
}]}

separate(after, unknown) := {"azurerm_storage_account_network_rules": [{
	"address": "azurerm_storage_account_network_rules.datasets",
	"config_address": "azurerm_storage_account_network_rules.datasets",
	"type": "azurerm_storage_account_network_rules",
	"after": after,
	"unknown_paths": unknown,
}]}

test_deny_without_azure_services_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as account({"network_rules": [{"default_action": "Deny", "bypass": ["Logging", "Metrics"]}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "network_rules.0.bypass"
}

test_bypass_none_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as account({"network_rules": [{"default_action": "Deny", "bypass": ["None"]}]}, [])
}

test_separate_rules_without_azure_services_are_denied if {
	findings := policy.deny with data.planguard.resources_by_type as separate({"default_action": "Deny", "bypass": []}, [])
	some f in findings
	f.attribute == "bypass"
}

test_azure_services_bypass_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"network_rules": [{"default_action": "Deny", "bypass": ["AzureServices", "Logging"]}]}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as separate({"default_action": "Deny", "bypass": ["AzureServices"]}, [])
}

test_allow_by_default_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"network_rules": [{"default_action": "Allow", "bypass": ["None"]}]}, [])
}

test_no_network_rules_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"network_rules": []}, [])
}

test_unknown_bypass_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"network_rules": [{"default_action": "Deny"}]}, ["network_rules.0.bypass"])
}

test_left_out_bypass_takes_the_provider_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"network_rules": [{"default_action": "Deny"}]}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as separate({"default_action": "Deny"}, [])
}
