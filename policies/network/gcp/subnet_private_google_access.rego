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
#   aliases: [AVD-GCP-0075]
#   defaults:
#     - google_compute_subnetwork purpose
#   remediation: Set `private_ip_google_access = true`.
package planguard.network.gcp.subnet_private_google_access

import data.planguard.lib

special_purposes := {"REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT", "PRIVATE_NAT"}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_compute_subnetwork
	not lib.undecided(r, ["purpose"])
	not special_purpose(r)
	not lib.is_unknown(r, ["private_ip_google_access"])
	object.get(r.after, "private_ip_google_access", false) != true
	finding := {
		"msg": sprintf("Subnet %s does not allow private VMs to reach Google APIs (Private Google Access is off).", [r.address]),
		"resource": r.address,
		"attribute": "private_ip_google_access",
	}
}

# A subnet that holds no VMs (proxy-only, Private Service Connect, private
# NAT): there is no VM traffic to log or to send to Google APIs. A purpose
# left out is the provider's default, PRIVATE (the plan shows it as known
# only after apply).
special_purpose(r) if lib.effective(r, ["purpose"]) in special_purposes
