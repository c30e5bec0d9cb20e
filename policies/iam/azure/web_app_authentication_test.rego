package planguard.iam.azure.web_app_authentication_test

import data.planguard.iam.azure.web_app_authentication as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.labelling", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_disabled_auth_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_app_service", {"auth_settings": [{"enabled": false}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "auth_settings"
}

test_web_app_without_auth_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"auth_settings_v2": [{"auth_enabled": false}]}, [])
	some f in findings
	f.attribute == "auth_settings_v2"
}

test_enabled_auth_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_app_service", {"auth_settings": [{"enabled": true}]}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_windows_web_app", {"auth_settings_v2": [{"auth_enabled": true}]}, [])
}

test_unknown_flag_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"auth_settings_v2": [{}]}, ["auth_settings_v2.0.auth_enabled"])
}

test_left_out_has_no_authentication if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"name": "labelling"}, [])
}

# Trivy's AVD-AZU-0003 reads azurerm_app_service only.
aliases_of(type, after) := [object.get(f, "aliases", []) | some f in policy.deny with data.planguard.resources_by_type as res(type, after, [])]

test_only_app_service_findings_name_trivys_check if {
	aliases_of("azurerm_app_service", {"auth_settings": [{"enabled": false}]}) == [["AVD-AZU-0003"]]
	aliases_of("azurerm_linux_web_app", {"auth_settings_v2": [{"auth_enabled": false}]}) == [[]]
}
