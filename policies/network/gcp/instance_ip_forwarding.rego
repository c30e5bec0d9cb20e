# METADATA
# title: VM forwards packets it is not the source or destination of
# description: >-
#   With `can_ip_forward = true` a VM may route traffic for other addresses:
#   a compromised training or notebook VM can then relay traffic around
#   firewall rules and between networks. Only routers and NAT appliances need it.
# custom:
#   id: PG-GCP-COMPUTE-105
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   aliases: [AVD-GCP-0043]
#   narrower: [CKV_GCP_36]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "4.6"
#   remediation: Remove `can_ip_forward = true` (the provider's default is false); the VM is replaced.
package planguard.network.gcp.instance_ip_forwarding

import data.planguard.lib

types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

deny contains finding if {
	some type in types
	some r in data.planguard.resources_by_type[type]
	lib.is_true(r, ["can_ip_forward"])
	finding := {
		"msg": sprintf("VM %s may forward packets for other addresses (IP forwarding is on).", [r.address]),
		"resource": r.address,
		"attribute": "can_ip_forward",
		"aliases": checkov_ids(r),
	}
}

# Checkov's CKV_GCP_36 judges VMs only, and passes those named gke-* (GKE's own nodes).
checkov_ids(r) := ["CKV_GCP_36"] if {
	r.type == "google_compute_instance"
	not startswith(object.get(r.after, "name", ""), "gke-")
} else := []
