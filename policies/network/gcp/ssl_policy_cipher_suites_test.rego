package planguard.network.gcp.ssl_policy_cipher_suites_test

import data.planguard.lib.test as t
import data.planguard.network.gcp.ssl_policy_cipher_suites as policy

global := "google_compute_ssl_policy.inference"

regional := "google_compute_region_ssl_policy.inference"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_weak_profiles_are_denied if {
	t.assert_denied(findings(global, {"profile": "COMPATIBLE", "min_tls_version": "TLS_1_2"}, []), global, "profile")
	t.assert_denied(findings(global, {"profile": "MODERN", "min_tls_version": "TLS_1_1"}, []), global, "min_tls_version")
	t.assert_denied(findings(regional, {"profile": "CUSTOM", "min_tls_version": "TLS_1_2", "custom_features": ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"]}, []), regional, "custom_features")
	t.assert_denied(findings(global, {"profile": "FIPS_202205", "min_tls_version": "TLS_1_2"}, []), global, "profile")
}

# Left out, the profile is COMPATIBLE and the minimum TLS 1.0.
test_defaults_are_denied if {
	t.assert_denied(findings(global, {"name": "inference"}, []), global, "profile")
	t.assert_denied(findings(global, {"profile": "MODERN", "min_tls_version": null}, []), global, "min_tls_version")
}

test_strong_profiles_pass if {
	t.assert_passes(findings(global, {"profile": "RESTRICTED", "min_tls_version": "TLS_1_0"}, []), global)
	t.assert_passes(findings(global, {"profile": "MODERN", "min_tls_version": "TLS_1_2"}, []), global)
	t.assert_passes(findings(regional, {"profile": "CUSTOM", "min_tls_version": "TLS_1_2", "custom_features": ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"]}, []), regional)
}

test_values_known_after_apply_are_not_judged if {
	t.assert_passes(findings(global, {"min_tls_version": "TLS_1_0"}, ["profile"]), global)
	t.assert_passes(findings(global, {"profile": "MODERN"}, ["min_tls_version"]), global)
	t.assert_passes(findings(global, {"profile": "CUSTOM"}, ["custom_features"]), global)
}

# Checkov's CKV_GCP_4 judges global policies: only their findings name it.
test_checkov_id_only_on_global_policies if {
	some f in findings(global, {"profile": "COMPATIBLE"}, [])
	f.aliases == ["CKV_GCP_4"]
	some g in findings(regional, {"profile": "COMPATIBLE"}, [])
	g.aliases == []
}
