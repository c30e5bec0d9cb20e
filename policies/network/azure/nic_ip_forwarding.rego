# METADATA
# title: Network interface forwards IP traffic
# description: >-
#   With IP forwarding on, the VM behind the interface may route traffic
#   that is not addressed to it, so a compromised VM can relay traffic
#   between subnets and around network security groups. Only network virtual
#   appliances need it; the provider's default is off.
# custom:
#   id: PG-AZURE-NET-108
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_network_interface]
#   aliases: [CKV_AZURE_118, AVD-AZU-0075]
#   defaults:
#     - azurerm_network_interface ip_forwarding_enabled
#     - azurerm_network_interface enable_ip_forwarding
#   remediation: >-
#     Set `ip_forwarding_enabled = false` (`enable_ip_forwarding` before
#     azurerm 4.0) unless the VM is a network appliance.
package planguard.network.azure.nic_ip_forwarding

import data.planguard.lib

types := ["azurerm_network_interface"]

# azurerm 4.x names it ip_forwarding_enabled, 3.x enable_ip_forwarding.
# The same setting under its names across provider versions.
paths := [["ip_forwarding_enabled"], ["enable_ip_forwarding"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value == true
	finding := {
		"msg": sprintf("Network interface %s forwards IP traffic not addressed to it.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
