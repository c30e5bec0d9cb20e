package planguard.iam.azure.storage_blob_public_access_test

import data.planguard.iam.azure.storage_blob_public_access as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.data", [type]),
	"config_address": sprintf("%s.data", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_container_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_storage_container", {"container_access_type": "container"}, [])
	some f in findings
	f.attribute == "container_access_type"
}

test_permissive_account_is_medium if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_storage_account", {"allow_nested_items_to_be_public": true}, [])
	some f in findings
	f.severity == "medium"
}

test_private_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_storage_account", {"allow_nested_items_to_be_public": false}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_storage_container", {"container_access_type": "private"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_storage_container", {}, ["container_access_type"])
}
