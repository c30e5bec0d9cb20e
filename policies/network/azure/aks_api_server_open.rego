# METADATA
# title: AKS API server is reachable from the whole internet
# description: >-
#   A public AKS cluster without authorized IP ranges exposes the Kubernetes
#   API of the training or serving cluster to every address on the
#   internet; leaked kubeconfigs and API vulnerabilities become directly
#   exploitable.
# custom:
#   id: PG-AZURE-AKS-103
#   severity: high
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_kubernetes_cluster]
#   aliases: [CKV_AZURE_6, AVD-AZU-0041]
#   remediation: >-
#     Set `api_server_access_profile { authorized_ip_ranges = [...] }`
#     (`api_server_authorized_ip_ranges` before azurerm 3.x profiles), or
#     `private_cluster_enabled = true`.
package planguard.network.azure.aks_api_server_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_kubernetes_cluster
	not lib.is_unknown(r, ["private_cluster_enabled"])
	object.get(r.after, "private_cluster_enabled", false) != true
	not lib.is_unknown(r, ["api_server_access_profile"])
	not lib.is_unknown(r, ["api_server_authorized_ip_ranges"])
	not restricted(r)
	finding := {
		"msg": sprintf("AKS cluster %s exposes its API server to the internet without authorized IP ranges.", [r.address]),
		"resource": r.address,
		"attribute": "api_server_access_profile",
	}
}

restricted(r) if {
	some p in object.get(r.after, "api_server_access_profile", [])
	ranges_restrict(object.get(p, "authorized_ip_ranges", []))
}

restricted(r) if ranges_restrict(object.get(r.after, "api_server_authorized_ip_ranges", []))

restricted(r) if {
	some i, _ in object.get(r.after, "api_server_access_profile", [])
	lib.is_unknown(r, ["api_server_access_profile", i, "authorized_ip_ranges"])
}

restricted(r) if lib.refers_to(r, "api_server_access_profile.authorized_ip_ranges")

# VNet-integrated API servers without public access are private too.
restricted(r) if {
	some p in object.get(r.after, "api_server_access_profile", [])
	object.get(p, "vnet_integration_enabled", false) == true
	object.get(r.after, "private_cluster_enabled", false) == true
}

ranges_restrict(ranges) if {
	is_array(ranges)
	count(ranges) > 0
	not lib.open_to_internet(ranges)
}
