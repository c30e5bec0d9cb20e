# METADATA
# title: VM or scale set does not encrypt at host
# description: >-
#   Without encryption at host the temporary disk and the OS and data disk
#   caches of a VM or scale set instance (GPU training nodes, notebook VMs)
#   are not encrypted on the host, and data flows to Storage unencrypted at
#   that layer. The provider's default is off.
#   Checkov's CKV_AZURE_97 reads scale sets, CKV_AZURE_151 Windows VMs: a
#   finding names the one of its type.
# custom:
#   id: PG-AZURE-VM-103
#   severity: low
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_linux_virtual_machine_scale_set, azurerm_windows_virtual_machine_scale_set, azurerm_linux_virtual_machine, azurerm_windows_virtual_machine]
#   aliases: []
#   narrower: [CKV_AZURE_97, CKV_AZURE_151]
#   defaults:
#     - azurerm_linux_virtual_machine_scale_set encryption_at_host_enabled
#     - azurerm_windows_virtual_machine_scale_set encryption_at_host_enabled
#     - azurerm_linux_virtual_machine encryption_at_host_enabled
#     - azurerm_windows_virtual_machine encryption_at_host_enabled
#   remediation: >-
#     Set `encryption_at_host_enabled = true` (the subscription needs the
#     EncryptionAtHost feature registered).
package planguard.encryption.azure.vm_encryption_at_host

import data.planguard.lib

# Each resource type and the Checkov check that judges it alone.
checks := {
	"azurerm_linux_virtual_machine_scale_set": ["CKV_AZURE_97"],
	"azurerm_windows_virtual_machine_scale_set": ["CKV_AZURE_97"],
	"azurerm_linux_virtual_machine": [],
	"azurerm_windows_virtual_machine": ["CKV_AZURE_151"],
}

paths := [["encryption_at_host_enabled"]]

deny contains finding if {
	some t, ids in checks
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value != true
	finding := object.union(
		{
			"msg": sprintf("VM %s does not encrypt at host (temporary disk and disk caches).", [r.address]),
			"resource": r.address,
			"attribute": lib.path_text(path),
		},
		lib.naming(ids),
	)
}
