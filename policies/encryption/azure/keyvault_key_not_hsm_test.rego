package planguard.encryption.azure.keyvault_key_not_hsm_test

import data.planguard.encryption.azure.keyvault_key_not_hsm as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.cmk", [type]),
	"config_address": sprintf("%s.cmk", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_key_vault_key", {"key_type": "RSA"}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "key_type"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_key_vault_key", {"key_type": "RSA-HSM"}, [])
}

test_good_value_passes_1 if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_key_vault_key", {"key_type": "EC-HSM"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_key_vault_key", {"name": "x"}, ["key_type"])
}

test_left_out_is_not_judged if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_key_vault_key", {"name": "x"}, [])
}
