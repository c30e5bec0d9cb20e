# METADATA
# title: Container registry allows public network access
# description: >-
#   A registry open to public networks (the default) lets anyone with a
#   leaked token pull training and serving images, or push poisoned ones.
#   Restricting it requires the Premium SKU.
# custom:
#   id: PG-AZURE-ACR-102
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_container_registry]
#   aliases: [CKV_AZURE_139]
#   remediation: Use the Premium SKU, set `public_network_access_enabled = false` and pull through a private endpoint.
package planguard.network.azure.acr_public_access

import data.planguard.lib

types := ["azurerm_container_registry"]

# Alternative names of the same setting across provider versions.
attrs := ["public_network_access_enabled"]

bad_values := {true}

# What the provider uses when the attribute is not set.
default_value := true

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("Container registry %s is reachable from the public internet.", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
