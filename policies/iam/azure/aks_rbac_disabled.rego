# METADATA
# title: AKS cluster has Kubernetes RBAC disabled
# description: >-
#   Without Kubernetes role-based access control every authenticated
#   identity is effectively cluster-admin: any workload or user with a
#   kubeconfig can read secrets, model weights and datasets mounted into
#   other namespaces. RBAC is on by default; an author has to turn it off.
# custom:
#   id: PG-AZURE-AKS-105
#   severity: high
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_kubernetes_cluster]
#   aliases: [CKV_AZURE_5, AVD-AZU-0042]
#   defaults:
#     - azurerm_kubernetes_cluster role_based_access_control_enabled
#   remediation: >-
#     Set `role_based_access_control_enabled = true` (the
#     `role_based_access_control { enabled = true }` block before azurerm
#     3.0).
package planguard.iam.azure.aks_rbac_disabled

import data.planguard.lib

types := ["azurerm_kubernetes_cluster"]

# azurerm 3.x and later name it role_based_access_control_enabled; 2.x used
# a block.
# The same setting under its names across provider versions.
paths := [["role_based_access_control_enabled"], ["role_based_access_control", 0, "enabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == false
	finding := {
		"msg": sprintf("AKS cluster %s has Kubernetes RBAC disabled.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
