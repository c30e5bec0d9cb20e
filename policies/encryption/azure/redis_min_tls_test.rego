package planguard.encryption.azure.redis_min_tls_test

import data.planguard.encryption.azure.redis_min_tls as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.features", [type]),
	"config_address": sprintf("%s.features", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_bad_value_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("azurerm_redis_cache", {"minimum_tls_version": "1.0"}, [])
	some f in findings
	f.resource == "azurerm_redis_cache.features"
	f.attribute == "minimum_tls_version"
}

test_other_spelling_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("azurerm_redis_cache", {"minimum_tls_version": "1.1"}, [])
}

test_good_value_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_redis_cache", {"minimum_tls_version": "1.2"}, [])
}

test_default_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_redis_cache", {"name": "x"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("azurerm_redis_cache", {"name": "x"}, ["minimum_tls_version"])
}
