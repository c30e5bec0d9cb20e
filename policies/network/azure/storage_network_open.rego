# METADATA
# title: Storage account accepts traffic from all networks
# description: >-
#   With public network access on (the default) and a network default
#   action of Allow, the account holding datasets and model artifacts
#   accepts requests from any network; only keys and tokens protect it.
#   Network rules declared in a separate azurerm_storage_account_network_rules
#   resource that refers to the account are taken into account.
# custom:
#   id: PG-AZURE-STORAGE-107
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_storage_account, azurerm_storage_account_network_rules]
#   aliases: [CKV_AZURE_35, AVD-AZU-0012]
#   defaults:
#     - azurerm_storage_account network_rules
#     - azurerm_storage_account public_network_access_enabled
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "3.8"
#   remediation: >-
#     Add `network_rules { default_action = "Deny" }` with the subnets and
#     addresses that need access, or set `public_network_access_enabled = false`
#     and use private endpoints.
package planguard.network.azure.storage_network_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_storage_account
	lib.effective(r, ["public_network_access_enabled"]) != false
	# Left out, network_rules is the provider's default: none, so every network is allowed.
	not lib.undecided(r, ["network_rules"])
	not inline_deny(r)
	count(lib.referrers_of_type(r, "azurerm_storage_account_network_rules")) == 0
	finding := {
		"msg": sprintf("Storage account %s accepts traffic from all networks.", [r.address]),
		"resource": r.address,
		"attribute": "network_rules",
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_storage_account_network_rules
	not lib.is_unknown(r, ["default_action"])
	object.get(r.after, "default_action", "Allow") == "Allow"
	finding := {
		"msg": sprintf("Storage network rules %s allow traffic from all networks by default.", [r.address]),
		"resource": r.address,
		"attribute": "default_action",
	}
}

inline_deny(r) if {
	some b in object.get(r.after, "network_rules", [])
	object.get(b, "default_action", "Allow") == "Deny"
}

inline_deny(r) if {
	some i, _ in object.get(r.after, "network_rules", [])
	lib.is_unknown(r, ["network_rules", i, "default_action"])
}
