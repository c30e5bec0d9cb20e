# METADATA
# title: Data factory allows public network access
# description: >-
#   With public network access on (the provider's default) the factory's
#   endpoint, which self-hosted integration runtimes and authors reach, is
#   open to any network; with it off they connect through private endpoints.
#   Pipelines that move training data hold linked-service credentials.
# custom:
#   id: PG-AZURE-DATAFACTORY-101
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_data_factory]
#   aliases: [CKV_AZURE_104, AVD-AZU-0035]
#   defaults:
#     - azurerm_data_factory public_network_enabled
#   remediation: >-
#     Set `public_network_enabled = false` and add an
#     azurerm_private_endpoint for the factory.
package planguard.network.azure.data_factory_public_network

import data.planguard.lib

types := ["azurerm_data_factory"]

paths := [["public_network_enabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == true
	finding := {
		"msg": sprintf("Data factory %s accepts connections on its public endpoint.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
