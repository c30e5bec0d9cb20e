# METADATA
# title: Service Bus or Event Hubs namespace allows public network access
# description: >-
#   With public network access on (the provider's default) the namespace's
#   endpoint accepts connections from any network its rule set admits; with
#   it off clients reach it through private endpoints only.
# custom:
#   id: PG-AZURE-MESSAGING-102
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_servicebus_namespace, azurerm_eventhub_namespace]
#   aliases: [CKV_AZURE_204]
#   defaults:
#     - azurerm_servicebus_namespace public_network_access_enabled
#     - azurerm_eventhub_namespace public_network_access_enabled
#   remediation: >-
#     Set `public_network_access_enabled = false` and add an
#     azurerm_private_endpoint for the namespace.
package planguard.network.azure.messaging_public_network_access

import data.planguard.lib

types := ["azurerm_servicebus_namespace", "azurerm_eventhub_namespace"]

paths := [["public_network_access_enabled"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == true
	finding := {
		"msg": sprintf("Messaging namespace %s accepts connections on its public endpoint.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
