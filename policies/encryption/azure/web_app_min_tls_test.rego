package planguard.encryption.azure.web_app_min_tls_test

import data.planguard.encryption.azure.web_app_min_tls as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.inference", [type]),
	"config_address": sprintf("%s.inference", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{"minimum_tls_version": "1.1"}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "site_config.0.minimum_tls_version"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_app_service", {"site_config": [{"min_tls_version": "1.0"}]}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "site_config.0.min_tls_version"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{"minimum_tls_version": "1.2"}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{}]}, ["site_config.0.minimum_tls_version"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"site_config": [{}]}, [])
}

# CKV_AZURE_15 reads web apps, AVD-AZU-0006 azurerm_app_service, neither
# function apps: a finding names those that read its type.
aliases_of(type, after) := [object.get(f, "aliases", []) | some f in policy.deny with data.planguard.resources_by_type as res(type, after, [])]

test_findings_name_the_checks_of_their_type if {
	aliases_of("azurerm_app_service", {"site_config": [{"min_tls_version": "1.0"}]}) == [["CKV_AZURE_15", "AVD-AZU-0006"]]
	aliases_of("azurerm_linux_web_app", {"site_config": [{"minimum_tls_version": "1.1"}]}) == [["CKV_AZURE_15"]]
	aliases_of("azurerm_linux_function_app", {"site_config": [{"minimum_tls_version": "1.1"}]}) == [[]]
}
