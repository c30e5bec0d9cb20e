# METADATA
# title: Key vault has a public network endpoint
# description: >-
#   With public network access on (the provider's default) the vault's
#   public endpoint accepts connections from the internet, and only its
#   network ACLs and Entra ID tokens stand in front of storage keys,
#   database passwords and customer-managed keys. With it off the vault is
#   reached through private endpoints only. PG-AZURE-KEYVAULT-104 judges
#   the stronger case of a vault open to all networks. A finding names
#   Checkov's CKV_AZURE_189 when Checkov would fail the vault too: its
#   network ACLs list no IP rules (Checkov passes a public vault that has
#   some, whatever they admit).
# custom:
#   id: PG-AZURE-KEYVAULT-107
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_key_vault]
#   aliases: []
#   narrower: [CKV_AZURE_189]
#   defaults:
#     - azurerm_key_vault public_network_access_enabled
#   remediation: >-
#     Set `public_network_access_enabled = false` and reach the vault
#     through an azurerm_private_endpoint.
package planguard.network.azure.keyvault_public_network_access

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_key_vault
	# The planned value, or the provider's default when the attribute is left
	# out; undefined while a value the author set is known only after apply.
	lib.effective(r, ["public_network_access_enabled"]) == true
	finding := object.union(
		{
			"msg": sprintf("Key vault %s accepts connections on its public endpoint.", [r.address]),
			"resource": r.address,
			"attribute": "public_network_access_enabled",
		},
		checkov_alias(r),
	)
}

checkov_alias(r) := {"aliases": ["CKV_AZURE_189"]} if {
	not lib.unknown_within(r, ["network_acls"])
	not ip_rules(r)
} else := {}

# A network ACL block lists IP rules (Checkov passes the vault then).
ip_rules(r) if {
	some acl in object.get(r.after, "network_acls", [])
	ips := object.get(acl, "ip_rules", [])
	is_array(ips)
	count(ips) > 0
}
