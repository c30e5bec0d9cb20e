# METADATA
# title: AKS node disks are not encrypted with a customer-managed key
# description: >-
#   Without a disk encryption set the OS and data disks of the node pools
#   (which cache container images, checkpoints and datasets) are encrypted
#   with platform-managed keys only; a customer-managed key lets the team
#   rotate and revoke it. The provider's default is none.
# custom:
#   id: PG-AZURE-AKS-107
#   severity: low
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_kubernetes_cluster]
#   aliases: [CKV_AZURE_117, AVD-AZU-0067]
#   defaults:
#     - azurerm_kubernetes_cluster disk_encryption_set_id
#   remediation: >-
#     Create an `azurerm_disk_encryption_set` on a Key Vault key and set
#     `disk_encryption_set_id` on the cluster.
package planguard.encryption.azure.aks_disk_encryption_set

import data.planguard.lib

types := ["azurerm_kubernetes_cluster"]

paths := [["disk_encryption_set_id"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	not named(value)
	finding := {
		"msg": sprintf("AKS cluster %s encrypts its node disks without a customer-managed key (no disk_encryption_set_id).", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}

named(v) if {
	is_string(v)
	v != ""
}
