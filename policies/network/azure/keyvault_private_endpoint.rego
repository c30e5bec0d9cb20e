# METADATA
# title: Key vault has no private endpoint in the configuration
# description: >-
#   A private endpoint gives the vault that holds storage keys, database
#   passwords and customer-managed keys an address inside the virtual
#   network, so workloads reach it without crossing the internet, and lets
#   the public endpoint be closed. The vault is reported when no
#   azurerm_private_endpoint of the same configuration connects to it
#   (private_connection_resource_id refers to the vault, or names its known
#   id). Defence in depth beside PG-AZURE-KEYVAULT-104, which judges the
#   public endpoint itself. An endpoint whose target is known only after
#   apply, and that may serve the vault, leaves it undecided.
# custom:
#   id: PG-AZURE-KEYVAULT-106
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_key_vault]
#   aliases: [CKV2_AZURE_32]
#   remediation: >-
#     Add an `azurerm_private_endpoint` whose `private_service_connection`
#     has `private_connection_resource_id = azurerm_key_vault.<name>.id` and
#     `subresource_names = ["vault"]`, or waive the rule for a vault whose
#     endpoint is managed in another configuration.
package planguard.network.azure.keyvault_private_endpoint

import data.planguard.lib.azure_private_endpoint as pe

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_key_vault
	not pe.connected(r)
	not pe.undecided(r, {"vault"})
	finding := {
		"msg": sprintf("Key vault %s has no private endpoint in this configuration.", [r.address]),
		"resource": r.address,
		"attribute": "id",
	}
}
