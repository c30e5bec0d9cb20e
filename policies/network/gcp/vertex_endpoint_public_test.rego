package planguard.network.gcp.vertex_endpoint_public_test

import data.planguard.lib.test as t
import data.planguard.network.gcp.vertex_endpoint_public as policy

ep := "google_vertex_ai_endpoint.serving"

ix := "google_vertex_ai_index_endpoint.search"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_public_endpoint_is_denied if {
	t.assert_denied(findings(ep, {"display_name": "serving", "network": null}, []), ep, "network")
	t.assert_denied(findings(ix, {"public_endpoint_enabled": true}, []), ix, "public_endpoint_enabled")
}

test_private_endpoints_pass if {
	t.assert_passes(findings(ep, {"network": "projects/123/global/networks/ml"}, []), ep)
	t.assert_passes(findings(ep, {"private_service_connect_config": [{"enable_private_service_connect": true, "project_allowlist": ["p"]}]}, []), ep)
	t.assert_passes(findings(ix, {"public_endpoint_enabled": false, "network": "projects/123/global/networks/ml"}, []), ix)
	t.assert_passes(findings(ix, {"network": "projects/123/global/networks/ml"}, []), ix)
}

test_network_known_after_apply_is_not_judged if {
	t.assert_passes(findings(ep, {}, ["network"]), ep)
	t.assert_passes(findings(ep, {"private_service_connect_config": [{}]}, ["private_service_connect_config.0.enable_private_service_connect"]), ep)
	t.assert_passes(findings(ix, {}, ["public_endpoint_enabled"]), ix)
}

test_network_set_by_reference_passes if {
	refs := {ep: [{"attribute": "network", "to": "google_compute_network.ml"}]}
	t.assert_passes(findings(ep, {}, []), ep) with data.planguard.references as refs
}

# Checkov's CKV2_GCP_33 is named on model endpoints, not on index endpoints.
test_checkov_id_only_on_model_endpoints if {
	some model in findings(ep, {"network": null}, [])
	model.aliases == ["CKV2_GCP_33"]
	some index in findings(ix, {"public_endpoint_enabled": true}, [])
	index.aliases == []
}
