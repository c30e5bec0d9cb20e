# METADATA
# title: VM enables interactive access to its serial console
# description: >-
#   With `serial-port-enable` in its metadata a VM accepts interactive
#   serial-console sessions, which firewall rules do not govern: anyone with
#   the IAM permission reaches the console of a training or notebook VM from
#   any address.
# custom:
#   id: PG-GCP-COMPUTE-106
#   severity: medium
#   category: iam
#   providers: [google]
#   resource_types: [google_compute_instance]
#   aliases: [AVD-GCP-0032, CKV_GCP_35]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "4.5"
#   remediation: Remove `serial-port-enable` from the instance's `metadata` (or set it to "false").
package planguard.iam.gcp.instance_serial_port

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_compute_instance
	lib.bool_text(object.get(r.after, ["metadata", "serial-port-enable"], null)) == true
	not lib.pending(r, ["metadata", "serial-port-enable"])
	finding := {
		"msg": sprintf("VM %s enables interactive serial-console access.", [r.address]),
		"resource": r.address,
		"attribute": "metadata.serial-port-enable",
	}
}
