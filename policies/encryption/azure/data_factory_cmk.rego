# METADATA
# title: Data factory is not encrypted with a customer-managed key
# description: >-
#   Without customer_managed_key_id the factory's metadata (linked-service
#   definitions, pipeline parameters, integration runtime settings) is
#   encrypted with a Microsoft-managed key the team cannot rotate or revoke.
#   It can only be set when the factory is created; left out, the factory
#   uses Microsoft-managed keys.
# custom:
#   id: PG-AZURE-DATAFACTORY-102
#   severity: low
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_data_factory]
#   aliases: []
#   related: [CKV2_AZURE_15]
#   defaults:
#     - azurerm_data_factory customer_managed_key_id
#   remediation: >-
#     Create the factory with `customer_managed_key_id` (a Key Vault key) and
#     `customer_managed_key_identity_id` (a user-assigned identity with access
#     to it).
package planguard.encryption.azure.data_factory_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_data_factory
	id := lib.effective(r, ["customer_managed_key_id"])
	not named(id)
	finding := {
		"msg": sprintf("Data factory %s is not encrypted with a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": "customer_managed_key_id",
	}
}

named(v) if {
	is_string(v)
	v != ""
}
