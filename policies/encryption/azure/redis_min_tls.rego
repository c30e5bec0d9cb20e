# METADATA
# title: Redis cache accepts TLS older than 1.2
# description: >-
#   `minimum_tls_version` 1.0 or 1.1 lets clients negotiate deprecated TLS
#   versions with the cache holding online features or inference results.
# custom:
#   id: PG-AZURE-REDIS-102
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_redis_cache]
#   aliases: []
#   remediation: Set `minimum_tls_version = "1.2"`.
package planguard.encryption.azure.redis_min_tls

import data.planguard.lib

types := ["azurerm_redis_cache"]

# Alternative names of the same setting across provider versions.
attrs := ["minimum_tls_version"]

bad_values := {"1.0", "1.1"}

# What the provider uses when the attribute is not set.
default_value := "1.2"

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("Redis cache %s accepts TLS versions older than 1.2.", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
