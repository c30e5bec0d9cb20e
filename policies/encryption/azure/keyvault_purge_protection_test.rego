package planguard.encryption.azure.keyvault_purge_protection_test

import data.planguard.encryption.azure.keyvault_purge_protection as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.ml", [type]),
	"config_address": sprintf("%s.ml", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_key_vault", {"purge_protection_enabled": false}, [])
	some f in findings
	f.resource == "azurerm_key_vault.ml"
	f.attribute == "purge_protection_enabled"
}

test_other_spelling_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_key_vault", {"purge_protection_enabled": false}, [])
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_key_vault", {"purge_protection_enabled": true}, [])
}

test_default_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_key_vault", {"name": "x"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_key_vault", {"name": "x"}, ["purge_protection_enabled"])
}
