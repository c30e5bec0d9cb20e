package planguard.encryption.gcp.vertex_ai_cmek_test

import data.planguard.encryption.gcp.vertex_ai_cmek as policy

res(type, after, unknown) := {type: [{
	"address": sprintf("%s.main", [type]),
	"config_address": sprintf("%s.main", [type]),
	"type": type,
	"after": after,
	"unknown_paths": unknown,
}]}

test_dataset_without_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res("google_vertex_ai_dataset", {"display_name": "d", "encryption_spec": []}, [])
	some f in findings
	f.resource == "google_vertex_ai_dataset.main"
	f.attribute == "encryption_spec"
}

test_featurestore_without_key_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res("google_vertex_ai_featurestore", {"encryption_spec": []}, [])
}

test_endpoint_with_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_vertex_ai_endpoint", {"encryption_spec": [{"kms_key_name": "projects/p/locations/us-central1/keyRings/r/cryptoKeys/k"}]}, [])
}

test_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_vertex_ai_metadata_store", {"encryption_spec": [{}]}, [])
		with data.planguard.references as {"google_vertex_ai_metadata_store.main": [{"attribute": "encryption_spec.kms_key_name", "to": "google_kms_crypto_key.k"}]}
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res("google_vertex_ai_tensorboard", {"encryption_spec": [{}]}, ["encryption_spec.0.kms_key_name"])
}
