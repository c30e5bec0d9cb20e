# METADATA
# title: AKS cluster keeps local accounts
# description: >-
#   Local accounts give a static cluster-admin kubeconfig (az aks get-credentials --admin)
#   that bypasses Microsoft Entra ID, cannot be attributed to a person and
#   stays valid until the cluster credentials are rotated.
# custom:
#   id: PG-AZURE-AKS-101
#   severity: medium
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_kubernetes_cluster]
#   aliases: [CKV_AZURE_141]
#   remediation: Set `local_account_disabled = true` with Entra ID integration (`azure_active_directory_role_based_access_control`).
package planguard.iam.azure.aks_local_accounts

import data.planguard.lib

types := ["azurerm_kubernetes_cluster"]

# Alternative names of the same setting across provider versions.
attrs := ["local_account_disabled"]

bad_values := {false}

# What the provider uses when the attribute is not set.
default_value := false

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("AKS cluster %s keeps its local admin account, a static cluster-admin credential.", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
