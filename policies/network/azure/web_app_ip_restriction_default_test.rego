package planguard.network.azure.web_app_ip_restriction_default_test

import data.planguard.network.azure.web_app_ip_restriction_default as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.inference", [type]),
	"config_address": sprintf("%s.inference", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{"ip_restriction_default_action": "Allow"}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "site_config.0.ip_restriction_default_action"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{"ip_restriction_default_action": "Deny"}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{}]}, ["site_config.0.ip_restriction_default_action"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{}]}, [])
}
