package planguard.iam.azure.web_app_basic_auth_publishing_test

import data.planguard.iam.azure.web_app_basic_auth_publishing as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.inference", [type]),
	"config_address": sprintf("%s.inference", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"webdeploy_publish_basic_authentication_enabled": true, "ftp_publish_basic_authentication_enabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "webdeploy_publish_basic_authentication_enabled"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_windows_web_app", {"webdeploy_publish_basic_authentication_enabled": false, "ftp_publish_basic_authentication_enabled": true}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "ftp_publish_basic_authentication_enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"webdeploy_publish_basic_authentication_enabled": false, "ftp_publish_basic_authentication_enabled": false}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"ftp_publish_basic_authentication_enabled": false}, ["webdeploy_publish_basic_authentication_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"ftp_publish_basic_authentication_enabled": false}, [])
}
