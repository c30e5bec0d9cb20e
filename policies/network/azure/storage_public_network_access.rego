# METADATA
# title: Storage account has a public network endpoint
# description: >-
#   With public network access on (the provider's default) the account's
#   public endpoint accepts connections from the internet, and only its
#   network rules, keys and tokens stand in front of datasets and model
#   artifacts. With it off the account is reached through private endpoints
#   only. PG-AZURE-STORAGE-107 judges the stronger case of an account open
#   to all networks.
# custom:
#   id: PG-AZURE-STORAGE-109
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_storage_account]
#   aliases: [CKV_AZURE_59]
#   defaults:
#     - azurerm_storage_account public_network_access_enabled
#   remediation: >-
#     Set `public_network_access_enabled = false` and reach the account
#     through an azurerm_private_endpoint.
package planguard.network.azure.storage_public_network_access

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_storage_account
	some attribute in public_endpoint(r)
	finding := {
		"msg": sprintf("Storage account %s accepts connections on its public endpoint.", [r.address]),
		"resource": r.address,
		"attribute": attribute,
	}
}

# Newer providers write the setting as public_network_access (Enabled,
# Disabled, SecuredByPerimeter), which supersedes the boolean when present.
public_endpoint(r) := {"public_network_access"} if {
	not lib.is_unknown(r, ["public_network_access"])
	v := object.get(r.after, "public_network_access", null)
	is_string(v)
	lower(v) == "enabled"
} else := {"public_network_access_enabled"} if {
	not lib.is_unknown(r, ["public_network_access"])
	object.get(r.after, "public_network_access", null) == null
	lib.effective(r, ["public_network_access_enabled"]) == true
} else := set()
