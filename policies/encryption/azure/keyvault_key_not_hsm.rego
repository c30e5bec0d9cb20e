# METADATA
# title: Key Vault key is not backed by an HSM
# description: >-
#   A software-protected key (RSA or EC) is held in the vault's software; an
#   HSM-backed key (RSA-HSM, EC-HSM) never leaves FIPS 140 validated
#   hardware, which customer-managed keys for datasets and model artifacts
#   often must. key_type is required, so there is no default to assume.
# custom:
#   id: PG-AZURE-KEYVAULT-105
#   severity: low
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_key_vault_key]
#   aliases: [CKV_AZURE_112]
#   remediation: >-
#     Create the key with `key_type = "RSA-HSM"` or `"EC-HSM"` (a Premium
#     vault or a managed HSM).
package planguard.encryption.azure.keyvault_key_not_hsm

import data.planguard.lib

types := ["azurerm_key_vault_key"]

paths := [["key_type"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	value in {"RSA", "EC", "oct"}
	finding := {
		"msg": sprintf("Key Vault key %s is software-protected, not backed by an HSM.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}
