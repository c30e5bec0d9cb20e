# METADATA
# title: Disk encryption key is written into the configuration
# description: >-
#   A customer-supplied key given as `raw_key` or `disk_encryption_key_raw`
#   is key material in the Terraform configuration, the plan and the state:
#   anyone who can read them can decrypt the disk. planguard never prints the
#   value (the plan marks it sensitive); the finding says only that it is set.
# custom:
#   id: PG-GCP-COMPUTE-103
#   severity: high
#   category: encryption
#   providers: [google]
#   resource_types: [google_compute_disk, google_compute_region_disk, google_compute_instance]
#   aliases: [AVD-GCP-0037]
#   remediation: >-
#     Use a Cloud KMS key (`kms_key_self_link`) instead, or an RSA-wrapped key
#     (`rsa_encrypted_key`) that only Google can unwrap; rotate the exposed key.
package planguard.encryption.gcp.disk_raw_key

import data.planguard.lib

# Where each type holds raw key material: [block, attribute].
raw_key_fields := {
	"google_compute_disk": [["disk_encryption_key", "raw_key"]],
	"google_compute_region_disk": [["disk_encryption_key", "raw_key"]],
	"google_compute_instance": [["boot_disk", "disk_encryption_key_raw"], ["attached_disk", "disk_encryption_key_raw"]],
}

deny contains finding if {
	some type, fields in raw_key_fields
	some r in data.planguard.resources_by_type[type]
	some [block, attribute] in fields
	some i, b in object.get(r.after, block, [])
	lib.non_empty(object.get(b, attribute, null))
	finding := {
		"msg": sprintf("%s carries a raw disk encryption key in its configuration and state.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("%s.%v.%s", [block, i, attribute]),
	}
}
