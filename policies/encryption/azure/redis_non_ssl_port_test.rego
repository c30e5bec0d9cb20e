package planguard.encryption.azure.redis_non_ssl_port_test

import data.planguard.encryption.azure.redis_non_ssl_port as policy
import data.planguard.lib.test as t

address := "azurerm_redis_cache.features"

# The rule's findings on one planned resource at `address`.
findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_bad_value_is_denied if t.assert_denied(findings({"non_ssl_port_enabled": true}, []), address, "non_ssl_port_enabled")

test_other_spelling_is_denied if t.assert_denied(findings({"enable_non_ssl_port": true}, []), address, "enable_non_ssl_port")

test_good_value_passes if t.assert_passes(findings({"non_ssl_port_enabled": false}, []), address)

test_default_passes if t.assert_passes(findings({"name": "x"}, []), address)

test_unknown_is_not_denied if t.assert_passes(findings({"name": "x"}, ["non_ssl_port_enabled"]), address)

test_value_set_by_reference_is_not_denied if {
	refs := {address: [{"attribute": "non_ssl_port_enabled", "to": "terraform_data.setting"}]}
	t.assert_passes(findings({"non_ssl_port_enabled": true}, []), address) with data.planguard.references as refs
}
