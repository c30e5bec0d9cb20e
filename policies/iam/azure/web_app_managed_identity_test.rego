package planguard.iam.azure.web_app_managed_identity_test

import data.planguard.iam.azure.web_app_managed_identity as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.inference", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_identity_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"identity": []}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "identity"
}

test_identity_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_linux_web_app", {"identity": [{"type": "SystemAssigned"}]}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_app_service", {"identity": [{"type": "UserAssigned", "identity_ids": ["/subscriptions/s/id"]}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_windows_web_app", {"identity": [{}]}, ["identity.0.type"])
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_windows_web_app", {}, ["identity"])
}

test_left_out_has_no_identity if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_app_service", {"name": "inference"}, [])
}

# Trivy's AVD-AZU-0002 reads azurerm_app_service only.
aliases_of(type, after) := [object.get(f, "aliases", []) | some f in policy.deny with data.planguard.resources_by_type as res(type, after, [])]

test_only_app_service_findings_name_trivys_check if {
	aliases_of("azurerm_app_service", {"identity": []}) == [["AVD-AZU-0002"]]
	aliases_of("azurerm_linux_web_app", {"identity": []}) == [[]]
}
