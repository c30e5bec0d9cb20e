# METADATA
# title: Synapse workspace lets data leave through any managed private endpoint
# description: >-
#   Without data exfiltration protection, code in the workspace's Spark
#   pools and pipelines can write to managed private endpoints in any Entra
#   ID tenant, so training data can be copied out to an attacker's storage.
#   With it on, outbound targets are limited to approved tenants. It can
#   only be chosen when the workspace is created; the provider's default is
#   off.
# custom:
#   id: PG-AZURE-SYNAPSE-102
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_synapse_workspace]
#   aliases: [CKV_AZURE_157]
#   defaults:
#     - azurerm_synapse_workspace data_exfiltration_protection_enabled
#   remediation: >-
#     Create the workspace with `managed_virtual_network_enabled = true` and
#     `data_exfiltration_protection_enabled = true`, listing approved
#     tenants in `linking_allowed_for_aad_tenant_ids`.
package planguard.network.azure.synapse_exfiltration_protection

import data.planguard.lib

types := ["azurerm_synapse_workspace"]

paths := [["data_exfiltration_protection_enabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value != true
	finding := {
		"msg": sprintf("Synapse workspace %s has no data exfiltration protection.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
