package planguard.encryption.azure.aks_disk_encryption_set_test

import data.planguard.encryption.azure.aks_disk_encryption_set as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.training", [type]),
	"config_address": sprintf("%s.training", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"disk_encryption_set_id": ""}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "disk_encryption_set_id"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"disk_encryption_set_id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"name": "x"}, ["disk_encryption_set_id"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"name": "x"}, [])
}
