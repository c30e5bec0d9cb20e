package planguard.encryption.azure.web_app_ftp_test

import data.planguard.encryption.azure.web_app_ftp as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.inference", [type]),
	"config_address": sprintf("%s.inference", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{"ftps_state": "AllAllowed"}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "site_config.0.ftps_state"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{"ftps_state": "FtpsOnly"}]}, [])
}

test_good_value_passes_1 if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{"ftps_state": "Disabled"}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{}]}, ["site_config.0.ftps_state"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{}]}, [])
}

test_legacy_app_service_defaults_to_all_allowed if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_app_service", {"site_config": [{}]}, [])
}

# CKV_AZURE_78 reads web apps, AVD-AZU-0071 azurerm_app_service, neither
# function apps: a finding names those that read its type.
aliases_of(type, after) := [object.get(f, "aliases", []) | some f in policy.deny with data.planguard.resources_by_type as res(type, after, [])]

test_findings_name_the_checks_of_their_type if {
	aliases_of("azurerm_app_service", {"site_config": [{"ftps_state": "AllAllowed"}]}) == [["CKV_AZURE_78", "AVD-AZU-0071"]]
	aliases_of("azurerm_windows_web_app", {"site_config": [{"ftps_state": "AllAllowed"}]}) == [["CKV_AZURE_78"]]
	aliases_of("azurerm_linux_function_app", {"site_config": [{"ftps_state": "AllAllowed"}]}) == [[]]
}
