# METADATA
# title: Service Bus or Event Hubs namespace accepts TLS older than 1.2
# description: >-
#   A minimum TLS version of 1.0 or 1.1 lets clients of the namespace
#   negotiate deprecated protocol versions for the messages and events they
#   exchange. The provider's default is 1.2.
# custom:
#   id: PG-AZURE-MESSAGING-103
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_servicebus_namespace, azurerm_eventhub_namespace]
#   aliases: [CKV_AZURE_205, CKV_AZURE_223]
#   defaults:
#     - azurerm_servicebus_namespace minimum_tls_version
#     - azurerm_eventhub_namespace minimum_tls_version
#   remediation: >-
#     Set `minimum_tls_version = "1.2"`.
package planguard.encryption.azure.messaging_min_tls

import data.planguard.lib

types := ["azurerm_servicebus_namespace", "azurerm_eventhub_namespace"]

paths := [["minimum_tls_version"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value in {"1.0", "1.1"}
	finding := {
		"msg": sprintf("Messaging namespace %s accepts TLS versions older than 1.2.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
