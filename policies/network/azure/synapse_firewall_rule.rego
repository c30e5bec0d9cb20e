# METADATA
# title: Synapse workspace has an IP firewall rule
# description: >-
#   An azurerm_synapse_firewall_rule opens the workspace's public endpoints
#   (SQL pools, Spark, Studio) to its address range; a workspace reached
#   through managed private endpoints and private link hubs needs none.
#   Every firewall rule is reported, with its range; one that admits the
#   internet (at least the configured share of public addresses) is
#   reported as such.
# custom:
#   id: PG-AZURE-SYNAPSE-103
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_synapse_firewall_rule]
#   aliases: [CKV2_AZURE_19]
#   remediation: >-
#     Remove the firewall rules, turn public network access off on the
#     workspace and connect through private endpoints (azurerm_synapse_private_link_hub).
package planguard.network.azure.synapse_firewall_rule

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_synapse_firewall_rule
	not lib.is_unknown(r, ["start_ip_address"])
	not lib.is_unknown(r, ["end_ip_address"])
	range := sprintf("%v-%v", [object.get(r.after, "start_ip_address", null), object.get(r.after, "end_ip_address", null)])
	finding := {
		"msg": sprintf("Synapse firewall rule %s opens the workspace's public endpoints to %s%s.", [r.address, range, internet_note(range)]),
		"resource": r.address,
		"attribute": "start_ip_address",
	}
}

internet_note(range) := " (the internet)" if lib.open_to_internet([range]) else := ""
