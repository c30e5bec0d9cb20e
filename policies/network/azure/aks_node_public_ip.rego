# METADATA
# title: AKS node pool gives its nodes public IP addresses
# description: >-
#   Nodes with their own public IP addresses (GPU training nodes included)
#   can be reached from the internet wherever a network security group lets
#   traffic in, and bypass the cluster's egress path. The provider's default
#   is no public IP per node.
#   Checkov's CKV_AZURE_143 reads the cluster's default node pool only: its
#   findings name it.
# custom:
#   id: PG-AZURE-AKS-108
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_kubernetes_cluster, azurerm_kubernetes_cluster_node_pool]
#   aliases: []
#   narrower: [CKV_AZURE_143]
#   defaults:
#     - azurerm_kubernetes_cluster default_node_pool.node_public_ip_enabled
#     - azurerm_kubernetes_cluster default_node_pool.enable_node_public_ip
#     - azurerm_kubernetes_cluster_node_pool node_public_ip_enabled
#     - azurerm_kubernetes_cluster_node_pool enable_node_public_ip
#   remediation: >-
#     Set `node_public_ip_enabled = false` (`enable_node_public_ip` before
#     azurerm 4.0) and reach nodes through the virtual network.
package planguard.network.azure.aks_node_public_ip

import data.planguard.lib

# Each resource type and the Checkov check that judges it alone.
checks := {
	"azurerm_kubernetes_cluster": ["CKV_AZURE_143"],
	"azurerm_kubernetes_cluster_node_pool": [],
}

# azurerm 4.x names it node_public_ip_enabled, 3.x enable_node_public_ip; on
# the cluster it sits in default_node_pool.
# The same setting under its names across provider versions.
paths := [["default_node_pool", 0, "node_public_ip_enabled"], ["default_node_pool", 0, "enable_node_public_ip"], ["node_public_ip_enabled"], ["enable_node_public_ip"]]

deny contains finding if {
	some t, ids in checks
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == true
	finding := object.union(
		{
			"msg": sprintf("AKS node pool of %s gives its nodes public IP addresses.", [r.address]),
			"resource": r.address,
			"attribute": lib.path_text(path),
		},
		lib.naming(ids),
	)
}
