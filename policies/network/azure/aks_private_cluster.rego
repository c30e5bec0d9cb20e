# METADATA
# title: AKS cluster API server has a public endpoint
# description: >-
#   A cluster that is not private publishes its Kubernetes API server on a
#   public address; authorized IP ranges narrow who can reach it, but the
#   training and serving control plane stays an internet-facing endpoint. A
#   private cluster puts the API server on a private IP in the cluster's
#   virtual network. The provider's default is a public cluster.
# custom:
#   id: PG-AZURE-AKS-104
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_kubernetes_cluster]
#   aliases: [CKV_AZURE_115, AVD-AZU-0065]
#   defaults:
#     - azurerm_kubernetes_cluster private_cluster_enabled
#   remediation: >-
#     Create the cluster with `private_cluster_enabled = true` and reach the
#     API server through the virtual network (or a private endpoint).
package planguard.network.azure.aks_private_cluster

import data.planguard.lib

types := ["azurerm_kubernetes_cluster"]

paths := [["private_cluster_enabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value != true
	finding := {
		"msg": sprintf("AKS cluster %s has a public API server endpoint (private_cluster_enabled is off).", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
