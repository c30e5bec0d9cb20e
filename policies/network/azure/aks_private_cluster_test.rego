package planguard.network.azure.aks_private_cluster_test

import data.planguard.network.azure.aks_private_cluster as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.training", [type]),
	"config_address": sprintf("%s.training", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"private_cluster_enabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "private_cluster_enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"private_cluster_enabled": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"name": "x"}, ["private_cluster_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"name": "x"}, [])
}
