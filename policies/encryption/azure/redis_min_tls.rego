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
	not undecided(r)
	current(r) in bad_values
	finding := {
		"msg": sprintf("Redis cache %s accepts TLS versions older than 1.2.", [r.address]),
		"resource": r.address,
		"attribute": attribute(r),
	}
}

undecided(r) if {
	some a in attrs
	lib.is_unknown(r, [a])
}

undecided(r) if {
	some a in attrs
	lib.refers_to(r, a)
}

set_attrs(r) := [a | some a in attrs; object.get(r.after, a, null) != null]

current(r) := r.after[set_attrs(r)[0]] if count(set_attrs(r)) > 0

current(r) := default_value if count(set_attrs(r)) == 0

attribute(r) := set_attrs(r)[0] if count(set_attrs(r)) > 0

attribute(r) := attrs[0] if count(set_attrs(r)) == 0
