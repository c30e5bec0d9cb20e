# METADATA
# title: Subnet has Private Google Access turned off
# description: >-
#   VMs without external IPs need Private Google Access to reach Cloud
#   Storage, Artifact Registry and Vertex AI. Without it, private training
#   nodes either fail to pull data and images or are given external IPs as a
#   workaround.
# custom:
#   id: PG-GCP-NET-103
#   severity: low
#   category: network
#   providers: [google]
#   resource_types: [google_compute_subnetwork]
#   aliases: []
#   related: [AVD-GCP-0075]
#   remediation: Set `private_ip_google_access = true`.
package planguard.network.gcp.subnet_private_google_access

import data.planguard.lib

special_purposes := {"REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT", "PRIVATE_NAT"}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_compute_subnetwork
	not lib.is_unknown(r, ["purpose"])
	not object.get(r.after, "purpose", "PRIVATE") in special_purposes
	not lib.is_unknown(r, ["private_ip_google_access"])
	object.get(r.after, "private_ip_google_access", false) != true
	finding := {
		"msg": sprintf("Subnet %s does not allow private VMs to reach Google APIs (Private Google Access is off).", [r.address]),
		"resource": r.address,
		"attribute": "private_ip_google_access",
	}
}
