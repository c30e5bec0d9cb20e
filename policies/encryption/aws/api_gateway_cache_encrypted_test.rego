package planguard.encryption.aws.api_gateway_cache_encrypted_test

import data.planguard.encryption.aws.api_gateway_cache_encrypted as policy

settings(s, extra) := {"aws_api_gateway_method_settings": [object.union({
	"address": "aws_api_gateway_method_settings.inference",
	"type": "aws_api_gateway_method_settings",
	"after": {"method_path": "*/*", "settings": [s]},
	"unknown_paths": [],
}, extra)]}

test_cache_without_encryption_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as settings({"caching_enabled": true, "cache_data_encrypted": false}, {})
	some f in findings
	f.attribute == "settings.0.cache_data_encrypted"
}

# Left out, the provider computes cache_data_encrypted; its default is false.
test_encryption_left_out_is_denied if {
	s := settings({"caching_enabled": true}, {
		"after_unknown": {"settings": [{"cache_data_encrypted": true}]},
		"expressions": {"method_path": {"constant_value": "*/*"}, "settings": [{"caching_enabled": {"constant_value": true}}]},
	})
	count(policy.deny) == 1 with data.planguard.resources_by_type as s
}

test_encrypted_cache_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as settings({"caching_enabled": true, "cache_data_encrypted": true}, {})
}

# No cache, nothing to encrypt: caching_enabled left out defaults to false.
test_no_cache_passes if {
	s := settings({"metrics_enabled": true}, {
		"after_unknown": {"settings": [{"caching_enabled": true, "cache_data_encrypted": true}]},
		"expressions": {"settings": [{"metrics_enabled": {"constant_value": true}}]},
	})
	count(policy.deny) == 0 with data.planguard.resources_by_type as s
}

test_set_but_unknown_is_not_denied if {
	s := settings({"caching_enabled": true}, {
		"after_unknown": {"settings": [{"cache_data_encrypted": true}]},
		"expressions": {"settings": [{"caching_enabled": {"constant_value": true}, "cache_data_encrypted": {"references": ["var.encrypt_cache"]}}]},
	})
	count(policy.deny) == 0 with data.planguard.resources_by_type as s
}
