package planguard.iam.azure.aks_local_accounts_test

import data.planguard.iam.azure.aks_local_accounts as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.training", [type]),
	"config_address": sprintf("%s.training", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"local_account_disabled": false}, [])
	some f in findings
	f.resource == "azurerm_kubernetes_cluster.training"
	f.attribute == "local_account_disabled"
}

test_other_spelling_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"local_account_disabled": false}, [])
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"local_account_disabled": true}, [])
}

test_default_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"name": "x"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"name": "x"}, ["local_account_disabled"])
}
