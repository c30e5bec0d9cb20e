package planguard.network.azure.aks_api_server_open_test

import data.planguard.network.azure.aks_api_server_open as policy

aks(after, unknown) := {"azurerm_kubernetes_cluster": [{
	"address": "azurerm_kubernetes_cluster.training",
	"config_address": "azurerm_kubernetes_cluster.training",
	"type": "azurerm_kubernetes_cluster",
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_without_ranges_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as aks({"private_cluster_enabled": false, "api_server_access_profile": []}, [])
	some f in findings
	f.attribute == "api_server_access_profile"
}

test_world_range_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as aks({"private_cluster_enabled": false, "api_server_access_profile": [{"authorized_ip_ranges": ["0.0.0.0/0"]}]}, [])
}

test_authorized_ranges_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as aks({"private_cluster_enabled": false, "api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24"]}]}, [])
}

test_legacy_ranges_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as aks({"api_server_authorized_ip_ranges": ["203.0.113.0/24"]}, [])
}

test_private_cluster_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as aks({"private_cluster_enabled": true}, [])
}

test_unknown_ranges_are_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as aks({"private_cluster_enabled": false, "api_server_access_profile": [{}]}, ["api_server_access_profile.0.authorized_ip_ranges"])
}
