# METADATA
# title: VM boot disk is not encrypted with a customer-managed or customer-supplied key
# description: >-
#   The boot disk of a training or notebook VM keeps cached datasets,
#   credentials and code. Without `boot_disk.kms_key_self_link` (or a
#   customer-supplied key) it is encrypted with Google-managed keys you
#   cannot restrict or revoke.
# custom:
#   id: PG-GCP-COMPUTE-102
#   severity: low
#   category: encryption
#   providers: [google]
#   resource_types: [google_compute_instance]
#   aliases: [AVD-GCP-0033, CKV_GCP_38]
#   defaults:
#     - google_compute_instance boot_disk.kms_key_self_link
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "4.7"
#   remediation: >-
#     Set `boot_disk { kms_key_self_link = google_kms_crypto_key.<name>.id }`
#     (the instance is replaced).
package planguard.encryption.gcp.instance_boot_disk_cmek

import data.planguard.lib

key_fields := ["kms_key_self_link", "disk_encryption_key_raw", "disk_encryption_key_rsa"]

deny contains finding if {
	some r in data.planguard.resources_by_type.google_compute_instance
	some i, disk in object.get(r.after, "boot_disk", [])
	not has_key(disk)
	not lib.is_unknown(r, ["boot_disk"])
	not refers_to_key(r)
	not key_unknown(r, i)
	finding := {
		"msg": sprintf("Boot disk of VM %s is encrypted with a Google-managed key, not a key you control.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("boot_disk.%v.kms_key_self_link", [i]),
	}
}

has_key(disk) if {
	some f in key_fields
	lib.non_empty(object.get(disk, f, null))
}

refers_to_key(r) if {
	some f in key_fields
	lib.refers_to(r, concat(".", ["boot_disk", f]))
}

key_unknown(r, i) if {
	some f in key_fields
	lib.undecided(r, ["boot_disk", i, f])
}
