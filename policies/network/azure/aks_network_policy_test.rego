package planguard.network.azure.aks_network_policy_test

import data.planguard.network.azure.aks_network_policy as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.training", [type]),
	"config_address": sprintf("%s.training", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"network_profile": [{"network_plugin": "azure"}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "network_profile.0.network_policy"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"network_profile": [{"network_plugin": "azure", "network_policy": "calico"}]}, [])
}

test_good_value_passes_1 if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"network_profile": [{"network_plugin": "azure", "network_data_plane": "cilium"}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"network_profile": [{"network_plugin": "azure"}]}, ["network_profile.0.network_policy"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"name": "x"}, [])
}
