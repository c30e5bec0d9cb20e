# METADATA
# title: Storage account has no private endpoint in the configuration
# description: >-
#   A private endpoint gives the account that holds datasets and model
#   artifacts an address inside the virtual network, so training jobs and
#   notebooks reach it without crossing the internet, and lets the public
#   endpoint be closed. The account is reported when no
#   azurerm_private_endpoint of the same configuration connects to it
#   (private_connection_resource_id refers to the account, or names its
#   known id). Defence in depth beside PG-AZURE-STORAGE-107 and -109, which
#   judge the public endpoint itself. An endpoint whose target is known only
#   after apply, and that may serve the account, leaves it undecided.
# custom:
#   id: PG-AZURE-STORAGE-111
#   severity: low
#   category: network
#   providers: [azurerm]
#   resource_types: [azurerm_storage_account]
#   aliases: [CKV2_AZURE_33]
#   remediation: >-
#     Add an `azurerm_private_endpoint` whose `private_service_connection`
#     has `private_connection_resource_id = azurerm_storage_account.<name>.id`
#     and `subresource_names = ["blob"]` (or dfs, file, queue, table), or
#     waive the rule for an account whose endpoint is managed in another
#     configuration.
package planguard.network.azure.storage_private_endpoint

import data.planguard.lib.azure_private_endpoint as pe

# The subresources a storage account's private endpoint connects to.
subresources := {
	"blob", "blob_secondary", "dfs", "dfs_secondary", "file", "file_secondary",
	"queue", "queue_secondary", "table", "table_secondary", "web", "web_secondary",
}

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_storage_account
	not pe.connected(r)
	not pe.undecided(r, subresources)
	finding := {
		"msg": sprintf("Storage account %s has no private endpoint in this configuration.", [r.address]),
		"resource": r.address,
		"attribute": "id",
	}
}
