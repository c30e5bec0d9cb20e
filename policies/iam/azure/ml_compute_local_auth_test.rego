package planguard.iam.azure.ml_compute_local_auth_test

import data.planguard.iam.azure.ml_compute_local_auth as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.gpu", [type]),
	"config_address": sprintf("%s.gpu", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_machine_learning_compute_cluster", {"local_auth_enabled": true}, [])
	some f in findings
	f.resource == "azurerm_machine_learning_compute_cluster.gpu"
	f.attribute == "local_auth_enabled"
}

test_other_spelling_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_machine_learning_compute_instance", {"local_auth_enabled": true}, [])
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_machine_learning_compute_cluster", {"local_auth_enabled": false}, [])
}

test_default_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_machine_learning_compute_cluster", {"name": "x"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_machine_learning_compute_cluster", {"name": "x"}, ["local_auth_enabled"])
}
