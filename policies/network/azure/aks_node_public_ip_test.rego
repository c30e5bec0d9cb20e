package planguard.network.azure.aks_node_public_ip_test

import data.planguard.network.azure.aks_node_public_ip as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.training", [type]),
	"config_address": sprintf("%s.training", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"default_node_pool": [{"node_public_ip_enabled": true}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "default_node_pool.0.node_public_ip_enabled"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster_node_pool", {"enable_node_public_ip": true}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "enable_node_public_ip"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"default_node_pool": [{"node_public_ip_enabled": false}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"default_node_pool": [{}]}, ["default_node_pool.0.node_public_ip_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"default_node_pool": [{"name": "system"}]}, [])
}

# Checkov's CKV_AZURE_143 reads the cluster (its default node pool), not
# separate node pools.
test_only_cluster_findings_name_the_checkov_check if {
	some c in policy.deny with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"default_node_pool": [{"node_public_ip_enabled": true}]}, [])
	c.aliases == ["CKV_AZURE_143"]
	found := policy.deny with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster_node_pool", {"node_public_ip_enabled": true}, [])
	count(found) == 1
	some p in found
	not p.aliases
}
