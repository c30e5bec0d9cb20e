# METADATA
# title: Storage allows anonymous public read access to blobs
# description: >-
#   A storage account that allows nested items to be public (the default of
#   `allow_nested_items_to_be_public` in azurerm 3.x and 4.x) lets any
#   container be switched to anonymous access, and a container with
#   `container_access_type` "blob" or "container" serves its datasets or
#   model weights to anyone on the internet. Public containers are reported
#   as high, permissive accounts as medium.
# custom:
#   id: PG-AZURE-STORAGE-106
#   severity: high
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_storage_account, azurerm_storage_container]
#   aliases: [CKV_AZURE_34, CKV_AZURE_190, CKV2_AZURE_47, AVD-AZU-0007]
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "3.7"
#   remediation: >-
#     Set `allow_nested_items_to_be_public = false` on the account and
#     `container_access_type = "private"` on containers; share data with
#     user delegation SAS or RBAC.
package planguard.iam.azure.storage_blob_public_access

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_storage_account
	some a in ["allow_nested_items_to_be_public", "allow_blob_public_access"]
	not lib.is_unknown(r, [a])
	object.get(r.after, a, false) == true
	finding := {
		"msg": sprintf("Storage account %s allows containers to be made public.", [r.address]),
		"resource": r.address,
		"attribute": a,
		"severity": "medium",
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.azurerm_storage_container
	not lib.is_unknown(r, ["container_access_type"])
	object.get(r.after, "container_access_type", "private") in {"blob", "container"}
	finding := {
		"msg": sprintf("Storage container %s allows anonymous public read access.", [r.address]),
		"resource": r.address,
		"attribute": "container_access_type",
	}
}
