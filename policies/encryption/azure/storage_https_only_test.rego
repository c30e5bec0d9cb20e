package planguard.encryption.azure.storage_https_only_test

import data.planguard.encryption.azure.storage_https_only as policy
import data.planguard.lib.test as t

address := "azurerm_storage_account.datasets"

# The rule's findings on one planned resource at `address`.
findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_bad_value_is_denied if t.assert_denied(findings({"https_traffic_only_enabled": false}, []), address, "https_traffic_only_enabled")

test_other_spelling_is_denied if t.assert_denied(findings({"enable_https_traffic_only": false}, []), address, "enable_https_traffic_only")

test_good_value_passes if t.assert_passes(findings({"https_traffic_only_enabled": true}, []), address)

test_default_passes if t.assert_passes(findings({"name": "x"}, []), address)

test_unknown_is_not_denied if t.assert_passes(findings({"name": "x"}, ["https_traffic_only_enabled"]), address)

test_value_set_by_reference_is_not_denied if {
	refs := {address: [{"attribute": "https_traffic_only_enabled", "to": "terraform_data.setting"}]}
	t.assert_passes(findings({"https_traffic_only_enabled": false}, []), address) with data.planguard.references as refs
}
