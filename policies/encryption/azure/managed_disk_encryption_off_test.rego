package planguard.encryption.azure.managed_disk_encryption_off_test

import data.planguard.encryption.azure.managed_disk_encryption_off as policy

disk(after, unknown) := {"azurerm_managed_disk": [{
	"address": "azurerm_managed_disk.checkpoints",
	"config_address": "azurerm_managed_disk.checkpoints",
	"type": "azurerm_managed_disk",
	"after": after,
	"unknown_paths": unknown,
}]}

test_encryption_turned_off_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as disk({"encryption_settings": [{"enabled": false}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "encryption_settings.0.enabled"
}

test_encryption_on_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as disk({"encryption_settings": [{"enabled": true}]}, [])
}

test_disk_encryption_set_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as disk({"encryption_settings": [{"enabled": false}], "disk_encryption_set_id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as disk({"encryption_settings": [{"enabled": false}]}, ["disk_encryption_set_id"])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as disk({"encryption_settings": [{}]}, ["encryption_settings.0.enabled"])
}

test_left_out_keeps_platform_encryption if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as disk({"storage_account_type": "Premium_LRS"}, [])
}

vm_referrer := {"attribute": "storage_data_disk.managed_disk_id", "from": "azurerm_virtual_machine.trainer", "from_type": "azurerm_virtual_machine"}

# CKV2_AZURE_14 judges the disks an azurerm_virtual_machine refers to.
test_disk_of_a_legacy_vm_names_the_checkov_check if {
	findings := policy.deny with data.planguard.resources_by_type as disk({"encryption_settings": [{"enabled": false}]}, [])
		with data.planguard.referrers as {"azurerm_managed_disk.checkpoints": [vm_referrer]}
	some f in findings
	f.aliases == ["CKV2_AZURE_14"]
}

test_disk_attached_otherwise_does_not_name_the_checkov_check if {
	attachment := {"attribute": "managed_disk_id", "from": "azurerm_virtual_machine_data_disk_attachment.a", "from_type": "azurerm_virtual_machine_data_disk_attachment"}
	findings := policy.deny with data.planguard.resources_by_type as disk({"encryption_settings": [{"enabled": false}]}, [])
		with data.planguard.referrers as {"azurerm_managed_disk.checkpoints": [attachment]}
	count(findings) == 1
	some f in findings
	not f.aliases
}

# CKV2_AZURE_14 also fails this disk when a legacy VM refers to it: it has
# neither a disk encryption set nor encryption settings. Azure encrypts every
# managed disk with platform-managed keys and that cannot be turned off.
test_disk_of_a_legacy_vm_without_settings_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as disk({"storage_account_type": "Premium_LRS"}, [])
		with data.planguard.referrers as {"azurerm_managed_disk.checkpoints": [vm_referrer]}
}
