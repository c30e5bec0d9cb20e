package planguard.iam.azure.aks_rbac_disabled_test

import data.planguard.iam.azure.aks_rbac_disabled as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.training", [type]),
	"config_address": sprintf("%s.training", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"role_based_access_control_enabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "role_based_access_control_enabled"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"role_based_access_control": [{"enabled": false}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "role_based_access_control.0.enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"role_based_access_control_enabled": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"name": "x"}, ["role_based_access_control_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_kubernetes_cluster", {"name": "x"}, [])
}
