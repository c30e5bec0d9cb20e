package planguard.network.azure.cosmosdb_network_open_test

import data.planguard.network.azure.cosmosdb_network_open as policy

account(after, unknown) := {"azurerm_cosmosdb_account": [{
	"address": "azurerm_cosmosdb_account.features",
	"type": "azurerm_cosmosdb_account",
	"after": after,
	"unknown_paths": unknown,
}]}

test_unfiltered_public_account_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as account({"public_network_access_enabled": true, "ip_range_filter": []}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "ip_range_filter"
}

test_filter_that_admits_the_internet_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as account({"public_network_access_enabled": true, "ip_range_filter": "0.0.0.0/1,128.0.0.0/1"}, [])
}

test_ip_filter_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"public_network_access_enabled": true, "ip_range_filter": ["203.0.113.0/24"]}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"public_network_access_enabled": true, "ip_range_filter": "203.0.113.7, 198.51.100.0/24"}, [])
}

test_vnet_filter_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"public_network_access_enabled": true, "is_virtual_network_filter_enabled": true, "virtual_network_rule": [{"id": "/subscriptions/s/subnets/ml"}]}, [])
}

test_vnet_rules_without_the_filter_flag_are_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as account({"public_network_access_enabled": true, "is_virtual_network_filter_enabled": false, "virtual_network_rule": [{"id": "/subscriptions/s/subnets/ml"}]}, [])
}

test_private_account_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"public_network_access_enabled": false}, [])
}

test_unknown_filter_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"public_network_access_enabled": true}, ["ip_range_filter"])
}

test_left_out_takes_the_provider_defaults if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as account({"name": "features"}, [])
}
