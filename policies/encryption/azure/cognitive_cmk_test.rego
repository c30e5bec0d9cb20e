package planguard.encryption.azure.cognitive_cmk_test

import data.planguard.encryption.azure.cognitive_cmk as policy

account(after, unknown) := {"azurerm_cognitive_account": [{
	"address": "azurerm_cognitive_account.openai",
	"config_address": "azurerm_cognitive_account.openai",
	"type": "azurerm_cognitive_account",
	"after": after,
	"unknown_paths": unknown,
}]}

test_account_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as account({"kind": "OpenAI", "customer_managed_key": []}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "customer_managed_key"
}

test_inline_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"kind": "OpenAI", "customer_managed_key": [{"key_vault_key_id": "https://kv.vault.azure.net/keys/k/1"}]}, [])
}

test_separate_key_resource_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"kind": "OpenAI", "customer_managed_key": []}, [])
		with data.planguard.referrers as {"azurerm_cognitive_account.openai": [{"attribute": "cognitive_account_id", "from": "azurerm_cognitive_account_customer_managed_key.k", "from_type": "azurerm_cognitive_account_customer_managed_key"}]}
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as account({"kind": "OpenAI", "customer_managed_key": [{}]}, ["customer_managed_key.0.key_vault_key_id"])
}

test_left_out_uses_microsoft_managed_keys if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as account({"kind": "OpenAI"}, [])
}
