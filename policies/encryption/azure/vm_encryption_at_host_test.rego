package planguard.encryption.azure.vm_encryption_at_host_test

import data.planguard.encryption.azure.vm_encryption_at_host as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.gpu", [type]),
	"config_address": sprintf("%s.gpu", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_linux_virtual_machine_scale_set", {"encryption_at_host_enabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "encryption_at_host_enabled"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_windows_virtual_machine", {"encryption_at_host_enabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "encryption_at_host_enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_virtual_machine_scale_set", {"encryption_at_host_enabled": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_virtual_machine_scale_set", {"name": "x"}, ["encryption_at_host_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_linux_virtual_machine_scale_set", {"name": "x"}, [])
}

# Checkov's CKV_AZURE_97 reads both scale set types, CKV_AZURE_151 Windows
# VMs, neither Linux VMs: each finding names the one of its type.
test_findings_name_the_check_of_their_type if {
	some s in policy.deny with data.planguard.resources_by_type as res("azurerm_linux_virtual_machine_scale_set", {"encryption_at_host_enabled": false}, [])
	s.aliases == ["CKV_AZURE_97"]
	some w in policy.deny with data.planguard.resources_by_type as res("azurerm_windows_virtual_machine", {"encryption_at_host_enabled": false}, [])
	w.aliases == ["CKV_AZURE_151"]
	found := policy.deny with data.planguard.resources_by_type as res("azurerm_linux_virtual_machine", {"encryption_at_host_enabled": false}, [])
	count(found) == 1
	some l in found
	not l.aliases
}
