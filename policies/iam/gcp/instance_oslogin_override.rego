# METADATA
# title: VM turns OS Login off in its metadata
# description: >-
#   `enable-oslogin = "FALSE"` overrides the project's OS Login: SSH access is
#   then granted by keys in metadata instead of IAM, and is not revoked when a
#   person's IAM access is.
# custom:
#   id: PG-GCP-COMPUTE-107
#   severity: medium
#   category: iam
#   providers: [google]
#   resource_types: [google_compute_instance]
#   aliases: [AVD-GCP-0036, CKV_GCP_34]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "4.4"
#   remediation: Remove `enable-oslogin = "FALSE"` from the instance's `metadata` and enable OS Login for the project.
package planguard.iam.gcp.instance_oslogin_override

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_compute_instance
	lib.bool_text(object.get(r.after, ["metadata", "enable-oslogin"], null)) == false
	not lib.pending(r, ["metadata", "enable-oslogin"])
	finding := {
		"msg": sprintf("VM %s turns OS Login off, so SSH keys in metadata grant access instead of IAM.", [r.address]),
		"resource": r.address,
		"attribute": "metadata.enable-oslogin",
	}
}
