package planguard.network.azure.keyvault_public_network_access_test

import data.planguard.lib.test as t
import data.planguard.network.azure.keyvault_public_network_access as policy

vault := "azurerm_key_vault.ml"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(vault, after, unknown_paths)
}

test_public_vault_is_denied_and_names_checkov if {
	found := findings({"public_network_access_enabled": true, "network_acls": []}, [])
	t.assert_denied(found, vault, "public_network_access_enabled")
	some f in found
	f.aliases == ["CKV_AZURE_189"]
}

test_left_out_takes_the_provider_default if {
	t.assert_denied(findings({"name": "kv"}, []), vault, "public_network_access_enabled")
}

# Checkov passes a public vault whose ACLs list IP rules; planguard still reports its public endpoint.
test_public_vault_with_ip_rules_does_not_name_checkov if {
	acls := [{"default_action": "Deny", "bypass": "AzureServices", "ip_rules": ["203.0.113.0/24"]}]
	found := findings({"public_network_access_enabled": true, "network_acls": acls}, [])
	t.assert_denied(found, vault, "public_network_access_enabled")
	some f in found
	not f.aliases
}

test_ip_rules_known_after_apply_do_not_name_checkov if {
	acls := [{"default_action": "Deny", "bypass": "AzureServices"}]
	some f in findings({"public_network_access_enabled": true, "network_acls": acls}, ["network_acls.0.ip_rules"])
	not f.aliases
}

test_private_vault_passes if {
	t.assert_passes(findings({"public_network_access_enabled": false}, []), vault)
}

test_unknown_is_not_judged if {
	t.assert_passes(findings({"name": "kv"}, ["public_network_access_enabled"]), vault)
}
