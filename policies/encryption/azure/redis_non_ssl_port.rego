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
	lib.value_of(r, attrs, default_value) in bad_values
	not lib.any_pending(r, attrs)
	finding := {
		"msg": sprintf("Redis cache %s accepts unencrypted connections on the non-SSL port.", [r.address]),
		"resource": r.address,
		"attribute": lib.attribute_of(r, attrs),
	}
}
