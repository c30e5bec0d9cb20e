# METADATA
# title: Managed disk has Azure Disk Encryption turned off
# description: >-
#   `encryption_settings { enabled = false }` on a managed disk (a dataset or
#   checkpoint volume) turns Azure Disk Encryption off for it explicitly. A
#   disk with a disk encryption set (customer-managed key) passes, and so
#   does a disk without encryption settings, which keeps the platform's
#   server-side encryption: there is no provider default to assume. A
#   finding names Checkov's CKV2_AZURE_14 when an azurerm_virtual_machine
#   refers to the disk: that check judges only disks connected to one.
# custom:
#   id: PG-AZURE-VM-102
#   severity: low
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_managed_disk]
#   aliases: [CKV_AZURE_2, AVD-AZU-0038]
#   narrower: [CKV2_AZURE_14]
#   remediation: >-
#     Remove `enabled = false` from `encryption_settings` (or the block), or
#     set `disk_encryption_set_id` to encrypt the disk with a customer-managed
#     key.
package planguard.encryption.azure.managed_disk_encryption_off

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_managed_disk
	some i, settings in object.get(r.after, "encryption_settings", [])
	not lib.is_unknown(r, ["encryption_settings", i, "enabled"])
	object.get(settings, "enabled", null) == false
	not encryption_set(r)
	finding := object.union(
		{
			"msg": sprintf("Managed disk %s has Azure Disk Encryption turned off.", [r.address]),
			"resource": r.address,
			"attribute": sprintf("encryption_settings.%d.enabled", [i]),
		},
		vm_check_alias(r),
	)
}

# CKV2_AZURE_14 judges a legacy azurerm_virtual_machine through the managed
# disks it refers to (storage_os_disk or storage_data_disk managed_disk_id);
# a disk attached otherwise, or not at all, is not its concern.
vm_check_alias(r) := {"aliases": ["CKV2_AZURE_14"]} if {
	some ref in object.get(data.planguard.referrers, r.config_address, [])
	ref.from_type == "azurerm_virtual_machine"
} else := {}

encryption_set(r) if {
	id := object.get(r.after, "disk_encryption_set_id", null)
	is_string(id)
	id != ""
}

encryption_set(r) if lib.is_unknown(r, ["disk_encryption_set_id"])
