package planguard.encryption.azure.storage_cmk_test

import data.planguard.encryption.azure.storage_cmk as policy

account(after, unknown) := {"azurerm_storage_account": [{
	"address": "azurerm_storage_account.datasets",
	"config_address": "azurerm_storage_account.datasets",
	"type": "azurerm_storage_account",
	"after": after,
	"unknown_paths": unknown,
}]}

referred_by(type) := {"azurerm_storage_account.datasets": [{"attribute": "storage_account_id", "from": sprintf("%s.x", [type]), "from_type": type}]}

with_container := referred_by("azurerm_storage_container")

test_account_with_containers_and_no_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as account({"customer_managed_key": []}, [])
		with data.planguard.referrers as with_container
	count(findings) == 1
	some f in findings
	f.attribute == "customer_managed_key"
}

test_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"customer_managed_key": [{"key_vault_key_id": "https://kv.vault.azure.net/keys/k"}]}, [])
		with data.planguard.referrers as with_container
}

test_separate_key_resource_passes if {
	refs := {"azurerm_storage_account.datasets": array.concat(with_container["azurerm_storage_account.datasets"], referred_by("azurerm_storage_account_customer_managed_key")["azurerm_storage_account.datasets"])}
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"customer_managed_key": []}, [])
		with data.planguard.referrers as refs
}

# An account no container of the plan refers to (file shares, an ML
# workspace's default store) holds data all the same: it is reported, without
# Trivy's AVD-AZU-0060, which judges only accounts with blob containers.
test_account_without_containers_is_denied_without_trivys_id if {
	findings := policy.deny with data.planguard.resources_by_type as account({"customer_managed_key": []}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "customer_managed_key"
	not f.aliases
}

test_account_with_containers_names_trivys_check if {
	some f in policy.deny with data.planguard.resources_by_type as account({"customer_managed_key": []}, [])
		with data.planguard.referrers as with_container
	f.aliases == ["AVD-AZU-0060"]
}

# A Managed HSM key is a customer-managed key (Checkov's CKV2_AZURE_1 reads
# key_vault_key_id only).
test_managed_hsm_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"customer_managed_key": [{"managed_hsm_key_id": "https://hsm.managedhsm.azure.net/keys/k"}]}, [])
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"customer_managed_key": [{}]}, ["customer_managed_key.0.key_vault_key_id"])
		with data.planguard.referrers as with_container
}

test_left_out_uses_microsoft_managed_keys if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as account({"name": "datasets"}, [])
		with data.planguard.referrers as with_container
}
