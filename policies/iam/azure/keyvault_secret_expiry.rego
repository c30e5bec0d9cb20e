# METADATA
# title: Key Vault secret has no expiration date
# description: >-
#   A secret without an expiration date (a storage key, a database password,
#   an API token for a model provider) stays valid until someone remembers
#   to rotate it; an expiry makes rotation a date the vault enforces and
#   reports. The provider sets none by default.
# custom:
#   id: PG-AZURE-KEYVAULT-103
#   severity: low
#   category: iam
#   providers: [azurerm]
#   resource_types: [azurerm_key_vault_secret]
#   aliases: [CKV_AZURE_41, AVD-AZU-0017]
#   defaults:
#     - azurerm_key_vault_secret expiration_date
#   compliance:
#     - framework: CIS Microsoft Azure Foundations 2.0
#       control: "8.3"
#   remediation: >-
#     Set `expiration_date` (RFC 3339) on the secret and rotate it before
#     then.
package planguard.iam.azure.keyvault_secret_expiry

import data.planguard.lib

types := ["azurerm_key_vault_secret"]

paths := [["expiration_date"]]

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	some path in paths
	# The planned value, or the provider's default when the attribute is left out;
	# undefined while a value the author set is known only after apply.
	value := lib.effective(r, path)
	not named(value)
	finding := {
		"msg": sprintf("Key Vault secret %s has no expiration date.", [r.address]),
		"resource": r.address,
		"attribute": lib.path_text(path),
	}
}

named(v) if {
	is_string(v)
	v != ""
}
