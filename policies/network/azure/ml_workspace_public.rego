# METADATA
# title: Azure ML workspace allows public network access
# description: >-
#   A workspace reachable from public networks exposes its API, studio,
#   datastores and model registry to any network that has a valid token;
#   private endpoints keep training and inference control inside the VNet.
#   The provider's default is public access.
# custom:
#   id: PG-AZURE-ML-103
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_machine_learning_workspace]
#   aliases: [CKV_AZURE_144, CKV2_AZURE_49]
#   remediation: Set `public_network_access_enabled = false` and add an `azurerm_private_endpoint` for the workspace.
package planguard.network.azure.ml_workspace_public

import data.planguard.lib

types := ["azurerm_machine_learning_workspace"]

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
		"msg": sprintf("Azure ML workspace %s is reachable from the public internet.", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
