package planguard.iam.azure.vm_password_authentication_test

import data.planguard.iam.azure.vm_password_authentication as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.trainer", [type]),
	"config_address": sprintf("%s.trainer", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_linux_virtual_machine", {"disable_password_authentication": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "disable_password_authentication"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_virtual_machine", {"os_profile_linux_config": [{"disable_password_authentication": false}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "os_profile_linux_config.0.disable_password_authentication"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_virtual_machine", {"disable_password_authentication": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_virtual_machine", {"name": "x"}, ["disable_password_authentication"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_virtual_machine", {"name": "x"}, [])
}
