package planguard.encryption.azure.storage_min_tls_test

import data.planguard.encryption.azure.storage_min_tls as policy
import data.planguard.lib.test as t

address := "azurerm_storage_account.datasets"

# The rule's findings on one planned resource at `address`.
findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_bad_value_is_denied if t.assert_denied(findings({"min_tls_version": "TLS1_0"}, []), address, "min_tls_version")

test_other_spelling_is_denied if t.assert_denied(findings({"min_tls_version": "TLS1_1"}, []), address, "min_tls_version")

test_good_value_passes if t.assert_passes(findings({"min_tls_version": "TLS1_2"}, []), address)

test_default_passes if t.assert_passes(findings({"name": "x"}, []), address)

test_unknown_is_not_denied if t.assert_passes(findings({"name": "x"}, ["min_tls_version"]), address)

test_value_set_by_reference_is_not_denied if {
	refs := {address: [{"attribute": "min_tls_version", "to": "terraform_data.setting"}]}
	t.assert_passes(findings({"min_tls_version": "TLS1_0"}, []), address) with data.planguard.references as refs
}
