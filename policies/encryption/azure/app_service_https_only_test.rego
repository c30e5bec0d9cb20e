package planguard.encryption.azure.app_service_https_only_test

import data.planguard.encryption.azure.app_service_https_only as policy
import data.planguard.lib.test as t

# The rule's findings on one planned resource at `address`.
findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_bad_value_is_denied if t.assert_denied(findings("azurerm_linux_web_app.inference", {"https_only": false}, []), "azurerm_linux_web_app.inference", "https_only")

test_other_spelling_is_denied if t.assert_denied(findings("azurerm_function_app.inference", {"https_only": false}, []), "azurerm_function_app.inference", "https_only")

test_good_value_passes if t.assert_passes(findings("azurerm_linux_web_app.inference", {"https_only": true}, []), "azurerm_linux_web_app.inference")

test_default_is_denied if t.assert_denied(findings("azurerm_linux_web_app.inference", {"name": "x"}, []), "azurerm_linux_web_app.inference", "https_only")

test_unknown_is_not_denied if t.assert_passes(findings("azurerm_linux_web_app.inference", {"name": "x"}, ["https_only"]), "azurerm_linux_web_app.inference")

test_value_set_by_reference_is_not_denied if {
	refs := {"azurerm_linux_web_app.inference": [{"attribute": "https_only", "to": "terraform_data.setting"}]}
	t.assert_passes(findings("azurerm_linux_web_app.inference", {"https_only": false}, []), "azurerm_linux_web_app.inference") with data.planguard.references as refs
}

test_slot_is_denied if t.assert_denied(findings("azurerm_linux_function_app_slot.staging", {"https_only": false}, []), "azurerm_linux_function_app_slot.staging", "https_only")

test_auth_without_https_is_denied if {
	after := {"https_only": true, "auth_settings_v2": [{"require_https": false}]}
	t.assert_denied(findings("azurerm_linux_function_app.inference", after, []), "azurerm_linux_function_app.inference", "auth_settings_v2.0.require_https")
}

test_auth_requiring_https_passes if {
	after := {"https_only": true, "auth_settings_v2": [{"require_https": true}]}
	t.assert_passes(findings("azurerm_linux_function_app.inference", after, []), "azurerm_linux_function_app.inference")
}

test_unknown_auth_https_is_not_denied if {
	after := {"https_only": true, "auth_settings_v2": [{}]}
	t.assert_passes(findings("azurerm_linux_function_app.inference", after, ["auth_settings_v2.0.require_https"]), "azurerm_linux_function_app.inference")
}

# Each https_only finding names the checks that read its type; a web app
# slot's none, and the auth_settings_v2 finding none (no check reads it).
aliases_of(address, after) := [object.get(f, "aliases", []) | some f in findings(address, after, [])]

test_https_only_findings_name_the_checks_of_their_type if {
	aliases_of("azurerm_app_service.legacy", {"https_only": false}) == [["CKV_AZURE_14", "AVD-AZU-0072"]]
	aliases_of("azurerm_linux_web_app.inference", {"https_only": false}) == [["CKV_AZURE_14"]]
	aliases_of("azurerm_function_app.legacy", {"https_only": false}) == [["CKV_AZURE_70", "AVD-AZU-0004"]]
	aliases_of("azurerm_linux_function_app_slot.staging", {"https_only": false}) == [["CKV_AZURE_70"]]
	aliases_of("azurerm_linux_web_app_slot.staging", {"https_only": false}) == [[]]
}

test_auth_settings_finding_names_no_check if {
	aliases_of("azurerm_linux_web_app.inference", {"https_only": true, "auth_settings_v2": [{"require_https": false}]}) == [[]]
}
