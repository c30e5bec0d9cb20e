# METADATA
# title: VM has an external IP address
# description: >-
#   A `network_interface.access_config` block gives the VM (or every VM
#   created from the template) an external IPv4 address, making training and
#   notebook machines directly reachable from the internet whenever a
#   firewall rule allows it. PG-GPU-010 also reports GPU VMs.
# custom:
#   id: PG-GCP-NET-101
#   severity: medium
#   category: network
#   providers: [google]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   aliases: [AVD-GCP-0031, CKV_GCP_40]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "4.9"
#   remediation: >-
#     Remove the `access_config` block; reach the VM through IAP TCP
#     forwarding or a load balancer, and give it outbound access with Cloud NAT.
package planguard.network.gcp.instance_external_ip

import data.planguard.lib

types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some i, nic in object.get(r.after, "network_interface", [])
	count(object.get(nic, "access_config", [])) > 0
	not lib.is_unknown(r, ["network_interface", i, "access_config"])
	finding := {
		"msg": sprintf("%s gets an external IP address on network interface %v.", [r.address, i]),
		"resource": r.address,
		"attribute": sprintf("network_interface.%v.access_config", [i]),
	}
}
