# METADATA
# title: Service Bus or Event Hubs namespace accepts shared access keys
# description: >-
#   With local authentication on (the provider's default) shared access
#   signature keys send and receive on every queue, topic or event hub they
#   cover (training events, inference requests, feature updates) for whoever
#   holds them; with it off clients need an Entra ID identity with a data-
#   plane role.
#   Checkov's CKV_AZURE_203 reads Service Bus namespaces only: their findings
#   name it.
# custom:
#   id: PG-AZURE-MESSAGING-101
#   severity: medium
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_servicebus_namespace, azurerm_eventhub_namespace]
#   aliases: []
#   narrower: [CKV_AZURE_203]
#   defaults:
#     - azurerm_servicebus_namespace local_auth_enabled
#     - azurerm_eventhub_namespace local_authentication_enabled
#   remediation: >-
#     Set `local_auth_enabled = false` (Service Bus) or
#     `local_authentication_enabled = false` (Event Hubs) and grant clients
#     data sender/receiver roles through managed identities.
package planguard.iam.azure.messaging_local_auth

import data.planguard.lib

# Each resource type and the Checkov check that judges it alone.
checks := {
	"azurerm_servicebus_namespace": ["CKV_AZURE_203"],
	"azurerm_eventhub_namespace": [],
}

# Service Bus names it local_auth_enabled, Event Hubs
# local_authentication_enabled.
# The same setting under its names across provider versions.
paths := [["local_auth_enabled"], ["local_authentication_enabled"]]

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
			"msg": sprintf("Messaging namespace %s accepts shared access keys (local authentication is on).", [r.address]),
			"resource": r.address,
			"attribute": lib.path_text(path),
		},
		lib.naming(ids),
	)
}
