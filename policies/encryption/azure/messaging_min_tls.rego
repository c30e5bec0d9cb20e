# METADATA
# title: Service Bus or Event Hubs namespace accepts TLS older than 1.2
# description: >-
#   A minimum TLS version of 1.0 or 1.1 lets clients of the namespace
#   negotiate deprecated protocol versions for the messages and events they
#   exchange. The provider's default is 1.2.
#   Checkov judges Service Bus and Event Hubs namespaces in a check each: a
#   finding names the one of its type.
# custom:
#   id: PG-AZURE-MESSAGING-103
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_servicebus_namespace, azurerm_eventhub_namespace]
#   aliases: []
#   narrower: [CKV_AZURE_205, CKV_AZURE_223]
#   defaults:
#     - azurerm_servicebus_namespace minimum_tls_version
#     - azurerm_eventhub_namespace minimum_tls_version
#   remediation: >-
#     Set `minimum_tls_version = "1.2"`.
package planguard.encryption.azure.messaging_min_tls

import data.planguard.lib

# Each resource type and the Checkov check that judges it alone.
checks := {
	"azurerm_servicebus_namespace": ["CKV_AZURE_205"],
	"azurerm_eventhub_namespace": ["CKV_AZURE_223"],
}

paths := [["minimum_tls_version"]]

deny contains finding if {
	some t, ids in checks
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value in {"1.0", "1.1"}
	finding := object.union(
		{
			"msg": sprintf("Messaging namespace %s accepts TLS versions older than 1.2.", [r.address]),
			"resource": r.address,
			"attribute": lib.path_text(path),
		},
		lib.naming(ids),
	)
}
