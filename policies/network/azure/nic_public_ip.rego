# METADATA
# title: Network interface has a public IP address
# description: >-
#   A public IP on a VM's network interface (a GPU training box, a notebook
#   VM) makes it reachable from the internet wherever its network security
#   groups let traffic in, and lets it reach the internet directly. A public
#   IP set by reference to an azurerm_public_ip counts even while its id is
#   known only after apply. Without public_ip_address_id the interface has
#   none.
# custom:
#   id: PG-AZURE-NET-107
#   severity: medium
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_network_interface]
#   aliases: [CKV_AZURE_119, AVD-AZU-0076]
#   defaults:
#     - azurerm_network_interface ip_configuration.public_ip_address_id
#   remediation: >-
#     Remove `public_ip_address_id` and reach the VM through Azure Bastion, a
#     VPN or a load balancer; send its outbound traffic through a NAT gateway.
package planguard.network.azure.nic_public_ip

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_network_interface
	some i, ip in object.get(r.after, "ip_configuration", [])
	public_ip(r, i, ip)
	finding := {
		"msg": sprintf("Network interface %s has a public IP address.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("ip_configuration.%d.public_ip_address_id", [i]),
	}
}

public_ip(_, _, ip) if {
	id := object.get(ip, "public_ip_address_id", null)
	is_string(id)
	id != ""
}

# Set to another resource's id (azurerm_public_ip.x.id): known only after apply, but set.
public_ip(r, i, _) if {
	lib.is_unknown(r, ["ip_configuration", i, "public_ip_address_id"])
	lib.refers_to(r, "ip_configuration.public_ip_address_id")
}
