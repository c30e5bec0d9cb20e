package planguard.encryption.azure.managed_disk_encryption_off_test

import data.planguard.encryption.azure.managed_disk_encryption_off as policy

disk(after, unknown) := {"azurerm_managed_disk": [{
	"address": "azurerm_managed_disk.checkpoints",
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
