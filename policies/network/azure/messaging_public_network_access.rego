# METADATA
# title: Service Bus or Event Hubs namespace allows public network access
# description: >-
#   With public network access on (the provider's default) the namespace's
#   endpoint accepts connections from any network its rule set admits; with
#   it off clients reach it through private endpoints only.
#   Checkov's CKV_AZURE_204 reads Service Bus namespaces only: their findings
#   name it.
# custom:
#   id: PG-AZURE-MESSAGING-102
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_servicebus_namespace, azurerm_eventhub_namespace]
#   aliases: []
#   narrower: [CKV_AZURE_204]
#   defaults:
#     - azurerm_servicebus_namespace public_network_access_enabled
#     - azurerm_eventhub_namespace public_network_access_enabled
#   remediation: >-
#     Set `public_network_access_enabled = false` and add an
#     azurerm_private_endpoint for the namespace.
package planguard.network.azure.messaging_public_network_access

import data.planguard.lib

# Each resource type and the Checkov check that judges it alone.
checks := {
	"azurerm_servicebus_namespace": ["CKV_AZURE_204"],
	"azurerm_eventhub_namespace": [],
}

paths := [["public_network_access_enabled"]]

deny contains finding if {
	some t, ids in checks
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == true
	finding := object.union(
		{
			"msg": sprintf("Messaging namespace %s accepts connections on its public endpoint.", [r.address]),
			"resource": r.address,
			"attribute": lib.path_text(path),
		},
		lib.naming(ids),
	)
}
