# METADATA
# title: Key vault accepts traffic from all networks
# description: >-
#   With public network access on (the default) and no network ACLs, or ACLs
#   whose default action is Allow, the vault that holds storage keys,
#   database passwords and customer-managed keys answers requests from any
#   network; only Entra ID tokens protect it. A vault with public network
#   access off is reached through private endpoints and passes.
# custom:
#   id: PG-AZURE-KEYVAULT-104
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_key_vault]
#   aliases: [CKV_AZURE_109, AVD-AZU-0013]
#   defaults:
#     - azurerm_key_vault network_acls
#     - azurerm_key_vault public_network_access_enabled
#   remediation: >-
#     Add `network_acls { default_action = "Deny", bypass = "AzureServices" }`
#     with the subnets and addresses that need the vault, or set
#     `public_network_access_enabled = false` and use a private endpoint.
package planguard.network.azure.keyvault_network_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_key_vault
	lib.effective(r, ["public_network_access_enabled"]) != false
	# Left out, network_acls is the provider's default: none, so every network is allowed.
	not lib.undecided(r, ["network_acls"])
	not denies_by_default(r)
	finding := {
		"msg": sprintf("Key vault %s accepts requests from all networks (no network ACL denies by default).", [r.address]),
		"resource": r.address,
		"attribute": "network_acls",
	}
}

denies_by_default(r) if {
	some acl in object.get(r.after, "network_acls", [])
	object.get(acl, "default_action", "Allow") == "Deny"
}

denies_by_default(r) if {
	some i, _ in object.get(r.after, "network_acls", [])
	lib.is_unknown(r, ["network_acls", i, "default_action"])
}
