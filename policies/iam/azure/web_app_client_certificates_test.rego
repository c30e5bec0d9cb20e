package planguard.iam.azure.web_app_client_certificates_test

import data.planguard.iam.azure.web_app_client_certificates as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.labelling", [type]),
	"config_address": sprintf("%s.labelling", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"client_certificate_enabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "client_certificate_enabled"
}

test_bad_value_is_denied_1 if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_app_service", {"client_cert_enabled": false}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "client_cert_enabled"
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"client_certificate_enabled": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"name": "x"}, ["client_certificate_enabled"])
}

test_left_out_takes_the_provider_default if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"name": "x"}, [])
}

# Trivy's AVD-AZU-0001 reads azurerm_app_service only.
aliases_of(type, after) := [object.get(f, "aliases", []) | some f in policy.deny with data.planguard.resources_by_type as res(type, after, [])]

test_only_app_service_findings_name_trivys_check if {
	aliases_of("azurerm_app_service", {"client_cert_enabled": false}) == [["AVD-AZU-0001"]]
	aliases_of("azurerm_linux_web_app", {"client_certificate_enabled": false}) == [[]]
}
