# METADATA
# title: AKS node pool does not encrypt at host
# description: >-
#   Without encryption at host the node VMs' temporary disks and the caches
#   of their OS and data disks (where training data, checkpoints and pulled
#   images pass) are not encrypted on the host, and data flows to Storage
#   unencrypted at that layer. The provider's default is off.
# custom:
#   id: PG-AZURE-AKS-109
#   severity: low
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_kubernetes_cluster, azurerm_kubernetes_cluster_node_pool]
#   aliases: [CKV_AZURE_227]
#   defaults:
#     - azurerm_kubernetes_cluster default_node_pool.host_encryption_enabled
#     - azurerm_kubernetes_cluster default_node_pool.enable_host_encryption
#     - azurerm_kubernetes_cluster_node_pool host_encryption_enabled
#     - azurerm_kubernetes_cluster_node_pool enable_host_encryption
#   remediation: >-
#     Set `host_encryption_enabled = true` (`enable_host_encryption` before
#     azurerm 4.0) on the default node pool and on every
#     azurerm_kubernetes_cluster_node_pool (the subscription needs the
#     EncryptionAtHost feature registered).
package planguard.encryption.azure.aks_host_encryption

import data.planguard.lib

# Where each type holds the setting, under its 4.x and 3.x names.
paths := {
	"azurerm_kubernetes_cluster": [["default_node_pool", 0, "host_encryption_enabled"], ["default_node_pool", 0, "enable_host_encryption"]],
	"azurerm_kubernetes_cluster_node_pool": [["host_encryption_enabled"], ["enable_host_encryption"]],
}

deny contains finding if {
	some t, names in paths
	some r in data.planguard.resources_by_type[t]
	# Every name is decided (a value set by the author and unknown until apply is not)...
	every path in names {
		lib.effective(r, path) != null
	}
	# ...and none of them turns it on: a provider version plans only one of the names,
	# the other takes its default.
	every path in names {
		lib.effective(r, path) != true
	}
	finding := {
		"msg": sprintf("AKS node pool of %s does not encrypt at host (temporary disks and disk caches).", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(names[0]),
	}
}
