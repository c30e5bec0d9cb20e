package planguard.encryption.gcp.gke_secrets_encryption_test

import data.planguard.encryption.gcp.gke_secrets_encryption as policy

cluster(after, unknown) := {"google_container_cluster": [{
	"address": "google_container_cluster.training",
	"config_address": "google_container_cluster.training",
	"type": "google_container_cluster",
	"after": after,
	"unknown_paths": unknown,
}]}

test_decrypted_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"database_encryption": [{"state": "DECRYPTED", "key_name": ""}]}, [])
	some f in findings
	f.attribute == "database_encryption.0.state"
}

test_encrypted_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"database_encryption": [{"state": "ENCRYPTED", "key_name": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}, [])
}

test_unknown_block_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({}, ["database_encryption"])
}

test_absent_known_block_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as cluster({"database_encryption": []}, [])
}
