package planguard.network.gcp.cloud_function_ingress_test

import data.planguard.lib.test as t
import data.planguard.network.gcp.cloud_function_ingress as policy

v1 := "google_cloudfunctions_function.embed"

v2 := "google_cloudfunctions2_function.embed"

# The rule's findings on one planned resource.
findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_allow_all_is_denied if {
	t.assert_denied(findings(v1, {"ingress_settings": "ALLOW_ALL"}, []), v1, "ingress_settings")
	t.assert_denied(findings(v2, {"service_config": [{"ingress_settings": "ALLOW_ALL"}]}, []), v2, "service_config.0.ingress_settings")
}

test_internal_ingress_passes if {
	t.assert_passes(findings(v1, {"ingress_settings": "ALLOW_INTERNAL_ONLY"}, []), v1)
	t.assert_passes(findings(v2, {"service_config": [{"ingress_settings": "ALLOW_INTERNAL_AND_GCLB"}]}, []), v2)
}

test_ingress_known_after_apply_is_not_judged if {
	t.assert_passes(findings(v1, {}, ["ingress_settings"]), v1)
	t.assert_passes(findings(v2, {"service_config": [{}]}, ["service_config.0.ingress_settings"]), v2)
	t.assert_passes(findings(v2, {}, ["service_config"]), v2)
}

# Left out of the configuration, ingress is the provider's default, ALLOW_ALL.
test_ingress_left_out_takes_the_default_and_is_denied if {
	function := {
		"address": v2, "config_address": v2, "type": "google_cloudfunctions2_function",
		"after": {"service_config": [{"ingress_settings": null}]},
		"after_unknown": {"service_config": [{"ingress_settings": true}]},
		"expressions": {"service_config": [{"available_memory": {"constant_value": "2Gi"}}]},
	}
	t.assert_denied(policy.deny, v2, "service_config.0.ingress_settings") with data.planguard.resources_by_type as {"google_cloudfunctions2_function": [function]}
}

# Without a service_config block (and none to come) the function takes every default.
test_function_without_service_config_is_denied if {
	t.assert_denied(findings(v2, {"service_config": []}, []), v2, "service_config.0.ingress_settings")
}
