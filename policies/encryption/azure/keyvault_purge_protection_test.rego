package planguard.encryption.azure.keyvault_purge_protection_test

import data.planguard.encryption.azure.keyvault_purge_protection as policy
import data.planguard.lib.test as t

address := "azurerm_key_vault.ml"

# The rule's findings on one planned resource at `address`.
findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_bad_value_is_denied if t.assert_denied(findings({"purge_protection_enabled": false}, []), address, "purge_protection_enabled")

test_other_spelling_is_denied if t.assert_denied(findings({"purge_protection_enabled": false}, []), address, "purge_protection_enabled")

test_good_value_passes if t.assert_passes(findings({"purge_protection_enabled": true}, []), address)

test_default_is_denied if t.assert_denied(findings({"name": "x"}, []), address, "purge_protection_enabled")

test_unknown_is_not_denied if t.assert_passes(findings({"name": "x"}, ["purge_protection_enabled"]), address)

test_value_set_by_reference_is_not_denied if {
	refs := {address: [{"attribute": "purge_protection_enabled", "to": "terraform_data.setting"}]}
	t.assert_passes(findings({"purge_protection_enabled": false}, []), address) with data.planguard.references as refs
}

# CKV_AZURE_42 fails a vault without soft_delete_enabled = true; azurerm 3.x
# has no such attribute and Azure keeps soft delete on for every vault, so a
# purge-protected vault passes, and so does one an older provider plans with
# soft_delete_enabled = false (Azure ignores it).
test_purge_protected_vault_without_soft_delete_attribute_passes if t.assert_passes(findings({"purge_protection_enabled": true, "soft_delete_retention_days": 90}, []), address)

test_purge_protected_vault_with_soft_delete_false_passes if t.assert_passes(findings({"purge_protection_enabled": true, "soft_delete_enabled": false}, []), address)
