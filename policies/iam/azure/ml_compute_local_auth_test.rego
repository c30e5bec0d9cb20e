package planguard.iam.azure.ml_compute_local_auth_test

import data.planguard.iam.azure.ml_compute_local_auth as policy
import data.planguard.lib.test as t

# The rule's findings on one planned resource at `address`.
findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_bad_value_is_denied if t.assert_denied(findings("azurerm_machine_learning_compute_cluster.gpu", {"local_auth_enabled": true}, []), "azurerm_machine_learning_compute_cluster.gpu", "local_auth_enabled")

test_other_spelling_is_denied if t.assert_denied(findings("azurerm_machine_learning_compute_instance.gpu", {"local_auth_enabled": true}, []), "azurerm_machine_learning_compute_instance.gpu", "local_auth_enabled")

test_good_value_passes if t.assert_passes(findings("azurerm_machine_learning_compute_cluster.gpu", {"local_auth_enabled": false}, []), "azurerm_machine_learning_compute_cluster.gpu")

test_default_is_denied if t.assert_denied(findings("azurerm_machine_learning_compute_cluster.gpu", {"name": "x"}, []), "azurerm_machine_learning_compute_cluster.gpu", "local_auth_enabled")

test_unknown_is_not_denied if t.assert_passes(findings("azurerm_machine_learning_compute_cluster.gpu", {"name": "x"}, ["local_auth_enabled"]), "azurerm_machine_learning_compute_cluster.gpu")

test_value_set_by_reference_is_not_denied if {
	refs := {"azurerm_machine_learning_compute_cluster.gpu": [{"attribute": "local_auth_enabled", "to": "terraform_data.setting"}]}
	t.assert_passes(findings("azurerm_machine_learning_compute_cluster.gpu", {"local_auth_enabled": true}, []), "azurerm_machine_learning_compute_cluster.gpu") with data.planguard.references as refs
}

# Checkov's CKV_AZURE_142 reads compute clusters only.
test_only_cluster_findings_name_the_checkov_check if {
	some c in findings("azurerm_machine_learning_compute_cluster.gpu", {"local_auth_enabled": true}, [])
	c.aliases == ["CKV_AZURE_142"]
	found := findings("azurerm_machine_learning_compute_instance.dev", {"local_auth_enabled": true}, [])
	t.assert_count(found, 1)
	some i in found
	not i.aliases
}
