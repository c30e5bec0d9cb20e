# METADATA
# title: AKS cluster has no network policy engine
# description: >-
#   Without a network policy engine (azure, calico or cilium) Kubernetes
#   NetworkPolicy objects are not enforced: every pod can reach every other
#   pod, so a compromised notebook or inference pod reaches the feature
#   store, the model registry and the training jobs. The provider sets no
#   engine unless one is named; a cluster on the Cilium data plane enforces
#   policies.
# custom:
#   id: PG-AZURE-AKS-106
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_kubernetes_cluster]
#   aliases: [CKV_AZURE_7, AVD-AZU-0043]
#   defaults:
#     - azurerm_kubernetes_cluster network_profile.network_policy
#   remediation: >-
#     Set `network_profile { network_policy = "azure" }` (or calico, or
#     cilium with `network_data_plane = "cilium"`) and write NetworkPolicies
#     for each namespace.
package planguard.network.azure.aks_network_policy

import data.planguard.lib

types := ["azurerm_kubernetes_cluster"]

paths := [["network_profile", 0, "network_policy"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	not named(value)
	not cilium_data_plane(r)
	finding := {
		"msg": sprintf("AKS cluster %s enforces no network policies (no network_profile.network_policy).", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}

named(v) if {
	is_string(v)
	v != ""
}

# Azure CNI powered by Cilium enforces network policies with Cilium itself.
cilium_data_plane(r) if {
	some p in object.get(r.after, "network_profile", [])
	object.get(p, "network_data_plane", "") == "cilium"
}
