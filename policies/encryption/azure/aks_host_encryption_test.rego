package planguard.encryption.azure.aks_host_encryption_test

import data.planguard.encryption.azure.aks_host_encryption as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.gpu", [type]),
	"config_address": sprintf("%s.gpu", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_cluster_without_host_encryption_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"default_node_pool": [{"host_encryption_enabled": false}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "default_node_pool.0.host_encryption_enabled"
}

test_node_pool_without_host_encryption_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster_node_pool", {"enable_host_encryption": false}, [])
}

test_either_name_on_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"default_node_pool": [{"host_encryption_enabled": true}]}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster_node_pool", {"enable_host_encryption": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster_node_pool", {"name": "gpu"}, ["host_encryption_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster_node_pool", {"name": "gpu"}, [])
}
