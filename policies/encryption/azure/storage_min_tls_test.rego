package planguard.encryption.azure.storage_min_tls_test

import data.planguard.encryption.azure.storage_min_tls as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.datasets", [type]),
	"config_address": sprintf("%s.datasets", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_storage_account", {"min_tls_version": "TLS1_0"}, [])
	some f in findings
	f.resource == "azurerm_storage_account.datasets"
	f.attribute == "min_tls_version"
}

test_other_spelling_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_storage_account", {"min_tls_version": "TLS1_1"}, [])
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_storage_account", {"min_tls_version": "TLS1_2"}, [])
}

test_default_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_storage_account", {"name": "x"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_storage_account", {"name": "x"}, ["min_tls_version"])
}
