package planguard.encryption.azure.app_service_https_only_test

import data.planguard.encryption.azure.app_service_https_only as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.inference", [type]),
	"config_address": sprintf("%s.inference", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"https_only": false}, [])
	some f in findings
	f.resource == "azurerm_linux_web_app.inference"
	f.attribute == "https_only"
}

test_other_spelling_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_function_app", {"https_only": false}, [])
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"https_only": true}, [])
}

test_default_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"name": "x"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"name": "x"}, ["https_only"])
}

test_slot_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_linux_function_app_slot", {"https_only": false}, [])
}

test_auth_without_https_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_linux_function_app", {"https_only": true, "auth_settings_v2": [{"require_https": false}]}, [])
	some f in findings
	f.attribute == "auth_settings_v2.0.require_https"
}

test_auth_requiring_https_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_function_app", {"https_only": true, "auth_settings_v2": [{"require_https": true}]}, [])
}

test_unknown_auth_https_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_function_app", {"https_only": true, "auth_settings_v2": [{}]}, ["auth_settings_v2.0.require_https"])
}
