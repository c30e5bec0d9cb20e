package planguard.network.azure.ml_workspace_public_test

import data.planguard.network.azure.ml_workspace_public as policy
import data.planguard.lib.test as t

address := "azurerm_machine_learning_workspace.ml"

# The rule's findings on one planned resource at `address`.
findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_bad_value_is_denied if t.assert_denied(findings({"public_network_access_enabled": true}, []), address, "public_network_access_enabled")

test_other_spelling_is_denied if t.assert_denied(findings({"public_network_access_enabled": true}, []), address, "public_network_access_enabled")

test_good_value_passes if t.assert_passes(findings({"public_network_access_enabled": false}, []), address)

test_default_is_denied if t.assert_denied(findings({"name": "x"}, []), address, "public_network_access_enabled")

test_unknown_is_not_denied if t.assert_passes(findings({"name": "x"}, ["public_network_access_enabled"]), address)

test_value_set_by_reference_is_not_denied if {
	refs := {address: [{"attribute": "public_network_access_enabled", "to": "terraform_data.setting"}]}
	t.assert_passes(findings({"public_network_access_enabled": true}, []), address) with data.planguard.references as refs
}
