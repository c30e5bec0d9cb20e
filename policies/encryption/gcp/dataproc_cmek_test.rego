package planguard.encryption.gcp.dataproc_cmek_test

import data.planguard.encryption.gcp.dataproc_cmek as policy

cluster(after, unknown) := {"google_dataproc_cluster": [{
	"address": "google_dataproc_cluster.etl",
	"config_address": "google_dataproc_cluster.etl",
	"type": "google_dataproc_cluster",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_encryption_config_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"cluster_config": [{"encryption_config": [], "master_config": [{}]}]}, [])
	some f in findings
	f.attribute == "cluster_config.0.encryption_config"
}

test_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"cluster_config": [{"encryption_config": [{"kms_key_name": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}]}, [])
}

test_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"cluster_config": [{"encryption_config": [{}]}]}, [])
		with data.planguard.references as {"google_dataproc_cluster.etl": [{"attribute": "cluster_config.encryption_config.kms_key_name", "to": "google_kms_crypto_key.k"}]}
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"cluster_config": [{"encryption_config": [{}]}]}, ["cluster_config.0.encryption_config.0.kms_key_name"])
}

test_unknown_cluster_config_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({}, ["cluster_config"])
}
