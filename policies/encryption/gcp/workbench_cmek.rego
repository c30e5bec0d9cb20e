# METADATA
# title: Vertex AI Workbench disks are not encrypted with a customer-managed key
# description: >-
#   A Workbench notebook keeps datasets, credentials and model checkpoints on
#   its boot and data disks. Without a Cloud KMS key they are encrypted with
#   Google-managed keys you cannot restrict, audit or revoke.
# custom:
#   id: PG-GCP-VERTEX-104
#   severity: low
#   category: encryption
#   providers: [google]
#   resource_types: [google_workbench_instance, google_notebooks_instance, google_notebooks_runtime]
#   aliases: [CKV2_GCP_21, CKV2_GCP_27, CKV2_GCP_35]
#   remediation: >-
#     google_workbench_instance: set `kms_key` (with `disk_encryption = "CMEK"`)
#     in `gce_setup.boot_disk` and every `gce_setup.data_disks`;
#     google_notebooks_instance: set `disk_encryption = "CMEK"` and `kms_key`;
#     google_notebooks_runtime: set `virtual_machine.virtual_machine_config.encryption_config.kms_key`.
package planguard.encryption.gcp.workbench_cmek

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.google_workbench_instance
	some i, setup in object.get(r.after, "gce_setup", [])
	some path in unkeyed_disks(setup, i)
	not lib.pending(r, path)
	finding := {
		"msg": sprintf("A disk of Workbench instance %s is not encrypted with a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}

# The kms_key paths of the boot disk and the data disks that name no key; a
# boot_disk block known to be missing counts as a disk without a key.
unkeyed_disks(setup, i) := {path |
	some kind in ["boot_disk", "data_disks"]
	some j, disk in object.get(setup, kind, [])
	not lib.non_empty(object.get(disk, "kms_key", null))
	path := ["gce_setup", i, kind, j, "kms_key"]
} | {["gce_setup", i, "boot_disk"] | count(object.get(setup, "boot_disk", [])) == 0}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_notebooks_instance
	not customer_key(r)
	not lib.any_pending(r, ["kms_key", "disk_encryption"])
	finding := {
		"msg": sprintf("The disks of notebook instance %s are not encrypted with a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key",
	}
}

customer_key(r) if {
	lib.non_empty(object.get(r.after, "kms_key", null))
	r.after.disk_encryption == "CMEK"
}

deny contains finding if {
	some r in data.planguard.resources_by_type.google_notebooks_runtime
	path := ["virtual_machine", 0, "virtual_machine_config", 0, "encryption_config", 0, "kms_key"]
	not lib.non_empty(object.get(r.after, path, null))
	not lib.pending(r, path)
	finding := {
		"msg": sprintf("The disks of managed notebooks runtime %s are not encrypted with a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
