# METADATA
# title: Cosmos DB account accepts traffic from all networks
# description: >-
#   With public network access on (the default) and neither an IP range
#   filter nor virtual network rules (behind is_virtual_network_filter_enabled),
#   the account's endpoint answers requests from any network; only its keys
#   or tokens protect the data. A filter whose ranges together count as the
#   internet restricts nothing. An account with public network access off
#   passes.
# custom:
#   id: PG-AZURE-COSMOS-104
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_cosmosdb_account]
#   aliases: [CKV_AZURE_99]
#   defaults:
#     - azurerm_cosmosdb_account public_network_access_enabled
#     - azurerm_cosmosdb_account is_virtual_network_filter_enabled
#   remediation: >-
#     Set `public_network_access_enabled = false` and use a private endpoint,
#     or list the callers in `ip_range_filter` or in `virtual_network_rule`
#     blocks with `is_virtual_network_filter_enabled = true`.
package planguard.network.azure.cosmosdb_network_open

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_cosmosdb_account
	lib.effective(r, ["public_network_access_enabled"]) == true
	not lib.is_unknown(r, ["ip_range_filter"])
	not lib.is_unknown(r, ["virtual_network_rule"])
	not ip_filtered(r)
	not vnet_filtered(r)
	finding := {
		"msg": sprintf("Cosmos DB account %s accepts requests from all networks (no IP or virtual network filter).", [r.address]),
		"resource": r.address,
		"attribute": "ip_range_filter",
	}
}

# azurerm 3.x writes the filter as one comma-separated string, 4.x as a set.
ip_ranges(r) := [trim_space(s) | some s in split(f, ","); trim_space(s) != ""] if {
	f := object.get(r.after, "ip_range_filter", null)
	is_string(f)
} else := [s | some s in object.get(r.after, "ip_range_filter", [])]

ip_filtered(r) if {
	ranges := ip_ranges(r)
	count(ranges) > 0
	not lib.open_to_internet(ranges)
}

vnet_filtered(r) if {
	lib.effective(r, ["is_virtual_network_filter_enabled"]) == true
	count(object.get(r.after, "virtual_network_rule", [])) > 0
}
