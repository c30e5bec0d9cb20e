package planguard.iam.azure.acr_admin_user_test

import data.planguard.iam.azure.acr_admin_user as policy
import data.planguard.lib.test as t

address := "azurerm_container_registry.images"

# The rule's findings on one planned resource at `address`.
findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_bad_value_is_denied if t.assert_denied(findings({"admin_enabled": true}, []), address, "admin_enabled")

test_other_spelling_is_denied if t.assert_denied(findings({"admin_enabled": true}, []), address, "admin_enabled")

test_good_value_passes if t.assert_passes(findings({"admin_enabled": false}, []), address)

test_default_passes if t.assert_passes(findings({"name": "x"}, []), address)

test_unknown_is_not_denied if t.assert_passes(findings({"name": "x"}, ["admin_enabled"]), address)

test_value_set_by_reference_is_not_denied if {
	refs := {address: [{"attribute": "admin_enabled", "to": "terraform_data.setting"}]}
	t.assert_passes(findings({"admin_enabled": true}, []), address) with data.planguard.references as refs
}
