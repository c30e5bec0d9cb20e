# METADATA
# title: Persistent disk is not encrypted with a customer-managed or customer-supplied key
# description: >-
#   Standalone persistent disks hold training data and scratch checkpoints,
#   and their snapshots travel further. Without `disk_encryption_key` they
#   are encrypted with Google-managed keys you cannot restrict or revoke.
# custom:
#   id: PG-GCP-COMPUTE-101
#   severity: low
#   category: encryption
#   providers: [google]
#   resource_types: [google_compute_disk, google_compute_region_disk]
#   aliases: [CKV_GCP_37]
#   narrower: [AVD-GCP-0033, AVD-GCP-0034]
#   compliance:
#     - framework: CIS Google Cloud Platform Foundation 2.0
#       control: "4.7"
#   remediation: >-
#     Add `disk_encryption_key { kms_key_self_link = google_kms_crypto_key.<name>.id }`
#     (`kms_key_name` on regional disks); the disk is replaced.
package planguard.encryption.gcp.compute_disk_cmek

import data.planguard.lib

disk_types := ["google_compute_disk", "google_compute_region_disk"]

key_fields := ["kms_key_self_link", "kms_key_name", "raw_key", "rsa_encrypted_key"]

deny contains finding if {
	some t in disk_types
	some r in data.planguard.resources_by_type[t]
	not has_key(r)
	finding := {
		"msg": sprintf("Disk %s is encrypted with a Google-managed key, not a key you control.", [r.address]),
		"resource": r.address,
		"attribute": "disk_encryption_key",
		"aliases": trivy_ids(r),
	}
}

# Trivy's AVD-GCP-0034 judges google_compute_disk (not regional disks);
# its AVD-GCP-0033 judges the disks a VM attaches (a VM of the plan that
# refers to this disk).
trivy_ids(r) := [id |
	some id, applies in {
		"AVD-GCP-0033": count(lib.referrers_of_type(r, "google_compute_instance")) > 0,
		"AVD-GCP-0034": r.type == "google_compute_disk",
	}
	applies
]

has_key(r) if {
	some b in object.get(r.after, "disk_encryption_key", [])
	some f in key_fields
	lib.non_empty(object.get(b, f, null))
}

has_key(r) if {
	some f in key_fields
	lib.refers_to(r, concat(".", ["disk_encryption_key", f]))
}

has_key(r) if {
	some f in key_fields
	lib.unknown_in_blocks(r, "disk_encryption_key", f)
}
