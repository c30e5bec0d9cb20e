package planguard.iam.azure.keyvault_secret_expiry_test

import data.planguard.iam.azure.keyvault_secret_expiry as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.db_password", [type]),
	"config_address": sprintf("%s.db_password", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_key_vault_secret", {"expiration_date": ""}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "expiration_date"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_key_vault_secret", {"expiration_date": "2027-06-30T00:00:00Z"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_key_vault_secret", {"name": "x"}, ["expiration_date"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_key_vault_secret", {"name": "x"}, [])
}
