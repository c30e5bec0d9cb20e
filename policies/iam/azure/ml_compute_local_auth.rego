# METADATA
# title: Azure ML compute allows local authentication
# description: >-
#   With `local_auth_enabled` (the provider's default) a compute cluster or
#   instance accepts local credentials next to Microsoft Entra ID, so access
#   to GPU nodes and the data mounted on them is not governed by RBAC alone.
#   Checkov's CKV_AZURE_142 reads compute clusters only: their findings name
#   it.
# custom:
#   id: PG-AZURE-ML-102
#   severity: medium
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_machine_learning_compute_cluster, azurerm_machine_learning_compute_instance]
#   aliases: []
#   narrower: [CKV_AZURE_142]
#   remediation: Set `local_auth_enabled = false` (the compute is replaced).
package planguard.iam.azure.ml_compute_local_auth

import data.planguard.lib

# Each resource type and the Checkov check that judges it alone.
checks := {
	"azurerm_machine_learning_compute_cluster": ["CKV_AZURE_142"],
	"azurerm_machine_learning_compute_instance": [],
}

# Alternative names of the same setting across provider versions.
attrs := ["local_auth_enabled"]

bad_values := {true}

# What the provider uses when the attribute is not set.
default_value := true

deny contains finding if {
	some t, ids in checks
	some r in data.planguard.resources_by_type[t]
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := object.union(
		{
			"msg": sprintf("Azure ML compute %s allows local (SSH key or password) authentication.", [r.address]),
			"resource": r.address,
			"attribute": lib.attribute_of(r, attrs),
		},
		lib.naming(ids),
	)
}
