# METADATA
# title: Synapse workspace does not use a managed virtual network
# description: >-
#   Without a managed virtual network the workspace's Spark pools and
#   pipelines run in shared networks and cannot use managed private
#   endpoints, so data they read and write leaves over public endpoints. The
#   setting can only be chosen when the workspace is created; the provider's
#   default is off.
# custom:
#   id: PG-AZURE-SYNAPSE-101
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_synapse_workspace]
#   aliases: [CKV_AZURE_58, AVD-AZU-0034]
#   defaults:
#     - azurerm_synapse_workspace managed_virtual_network_enabled
#   remediation: >-
#     Create the workspace with `managed_virtual_network_enabled = true` and
#     reach data stores through managed private endpoints.
package planguard.network.azure.synapse_managed_vnet

import data.planguard.lib

types := ["azurerm_synapse_workspace"]

paths := [["managed_virtual_network_enabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value != true
	finding := {
		"msg": sprintf("Synapse workspace %s does not use a managed virtual network.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
