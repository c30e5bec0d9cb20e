package planguard.iam.azure.aks_local_accounts_test

import data.planguard.iam.azure.aks_local_accounts as policy
import data.planguard.lib.test as t

address := "azurerm_kubernetes_cluster.training"

# The rule's findings on one planned resource at `address`.
findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_bad_value_is_denied if t.assert_denied(findings({"local_account_disabled": false}, []), address, "local_account_disabled")

test_other_spelling_is_denied if t.assert_denied(findings({"local_account_disabled": false}, []), address, "local_account_disabled")

test_good_value_passes if t.assert_passes(findings({"local_account_disabled": true}, []), address)

test_default_is_denied if t.assert_denied(findings({"name": "x"}, []), address, "local_account_disabled")

test_unknown_is_not_denied if t.assert_passes(findings({"name": "x"}, ["local_account_disabled"]), address)

test_value_set_by_reference_is_not_denied if {
	refs := {address: [{"attribute": "local_account_disabled", "to": "terraform_data.setting"}]}
	t.assert_passes(findings({"local_account_disabled": false}, []), address) with data.planguard.references as refs
}
