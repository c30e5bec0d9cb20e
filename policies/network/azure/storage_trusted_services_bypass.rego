# METADATA
# title: Storage network rules deny by default but shut out trusted Azure services
# description: >-
#   When an account's network rules deny by default and `bypass` leaves out
#   AzureServices, trusted Azure services (Azure Machine Learning, Backup,
#   Monitor diagnostics, Event Grid) that cannot be granted access by an IP
#   or subnet rule lose access, which pushes teams to open the account to
#   all networks instead. The provider's default bypass is AzureServices.
#   Rules declared in azurerm_storage_account_network_rules are judged the
#   same way.
# custom:
#   id: PG-AZURE-STORAGE-108
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_storage_account, azurerm_storage_account_network_rules]
#   aliases: [CKV_AZURE_36, AVD-AZU-0010]
#   defaults:
#     - azurerm_storage_account network_rules.bypass
#     - azurerm_storage_account_network_rules bypass
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "3.9"
#   remediation: >-
#     Add "AzureServices" to `bypass` in the account's `network_rules` (or in
#     azurerm_storage_account_network_rules), keeping `default_action =
#     "Deny"`.
package planguard.network.azure.storage_trusted_services_bypass

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_storage_account
	some i, rules in object.get(r.after, "network_rules", [])
	shuts_out_azure_services(r, rules, ["network_rules", i])
	finding := {
		"msg": sprintf("Storage account %s denies by default without letting trusted Azure services bypass its network rules.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("network_rules.%d.bypass", [i]),
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_storage_account_network_rules
	shuts_out_azure_services(r, r.after, [])
	finding := {
		"msg": sprintf("Storage network rules %s deny by default without letting trusted Azure services bypass them.", [r.address]),
		"resource": r.address,
		"attribute": "bypass",
	}
}

# With Allow as the default action the bypass admits nothing more: only Deny is judged.
shuts_out_azure_services(r, rules, prefix) if {
	not lib.is_unknown(r, array.concat(prefix, ["default_action"]))
	object.get(rules, "default_action", "Allow") == "Deny"
	bypass := lib.effective(r, array.concat(prefix, ["bypass"]))
	not "AzureServices" in bypass
}
