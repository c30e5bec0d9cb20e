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
	not undecided(r)
	current(r) in bad_values
	finding := {
		"msg": sprintf("Azure ML workspace %s is reachable from the public internet.", [r.address]),
		"resource": r.address,
		"attribute": attribute(r),
	}
}

undecided(r) if {
	some a in attrs
	lib.is_unknown(r, [a])
}

undecided(r) if {
	some a in attrs
	lib.refers_to(r, a)
}

set_attrs(r) := [a | some a in attrs; object.get(r.after, a, null) != null]

current(r) := r.after[set_attrs(r)[0]] if count(set_attrs(r)) > 0

current(r) := default_value if count(set_attrs(r)) == 0

attribute(r) := set_attrs(r)[0] if count(set_attrs(r)) > 0

attribute(r) := attrs[0] if count(set_attrs(r)) == 0
