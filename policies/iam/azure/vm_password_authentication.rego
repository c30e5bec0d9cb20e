# METADATA
# title: Linux VM allows password authentication
# description: >-
#   A Linux VM (a GPU training box, a jump host) that accepts SSH passwords
#   can be brute-forced and its credential shared; SSH keys or Entra ID
#   login make each access attributable. azurerm_linux_virtual_machine and
#   its scale sets default to keys only; the legacy azurerm_virtual_machine
#   requires the setting in os_profile_linux_config.
# custom:
#   id: PG-AZURE-VM-101
#   severity: medium
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_linux_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_virtual_machine]
#   aliases: [CKV_AZURE_1, AVD-AZU-0039]
#   defaults:
#     - azurerm_linux_virtual_machine disable_password_authentication
#     - azurerm_linux_virtual_machine_scale_set disable_password_authentication
#   remediation: >-
#     Set `disable_password_authentication = true` with an `admin_ssh_key`
#     (or `os_profile_linux_config { disable_password_authentication = true
#     }` with `ssh_keys`).
package planguard.iam.azure.vm_password_authentication

import data.planguard.lib

types := ["azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set", "azurerm_virtual_machine"]

# The same setting under its names across provider versions.
paths := [["disable_password_authentication"], ["os_profile_linux_config", 0, "disable_password_authentication"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == false
	finding := {
		"msg": sprintf("Linux VM %s accepts SSH password authentication.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
