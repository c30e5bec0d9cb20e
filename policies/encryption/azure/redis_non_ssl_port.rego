# METADATA
# title: Redis cache accepts unencrypted connections
# description: >-
#   The non-SSL port (6379) carries the access key and cached data (online
#   features, session state, inference results) in clear text.
# custom:
#   id: PG-AZURE-REDIS-101
#   severity: medium
#   category: encryption
#   providers: [azurerm]
#   resource_types: [azurerm_redis_cache]
#   aliases: [CKV_AZURE_91]
#   remediation: Set `non_ssl_port_enabled = false` (`enable_non_ssl_port` before azurerm 4.0) and connect on 6380 with TLS.
package planguard.encryption.azure.redis_non_ssl_port

import data.planguard.lib

types := ["azurerm_redis_cache"]

# Alternative names of the same setting across provider versions.
attrs := ["non_ssl_port_enabled", "enable_non_ssl_port"]

bad_values := {true}

# What the provider uses when the attribute is not set.
default_value := false

deny contains finding if {
	some t in types
	some r in data.planguard.resources_by_type[t]
	not undecided(r)
	current(r) in bad_values
	finding := {
		"msg": sprintf("Redis cache %s accepts unencrypted connections on the non-SSL port.", [r.address]),
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
