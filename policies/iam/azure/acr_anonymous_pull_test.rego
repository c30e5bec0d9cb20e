package planguard.iam.azure.acr_anonymous_pull_test

import data.planguard.iam.azure.acr_anonymous_pull as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.images", [type]),
	"config_address": sprintf("%s.images", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_container_registry", {"anonymous_pull_enabled": true, "sku": "Premium"}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "anonymous_pull_enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_container_registry", {"anonymous_pull_enabled": false}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_container_registry", {"name": "x"}, ["anonymous_pull_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_container_registry", {"name": "x"}, [])
}
