package planguard.encryption.gcp.gcs_bucket_cmek_test

import data.planguard.encryption.gcp.gcs_bucket_cmek as policy

bucket(after, unknown) := {"google_storage_bucket": [{
	"address": "google_storage_bucket.datasets",
	"config_address": "google_storage_bucket.datasets",
	"type": "google_storage_bucket",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_encryption_block_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as bucket({"name": "d", "encryption": []}, [])
	some f in findings
	f.resource == "google_storage_bucket.datasets"
	f.attribute == "encryption"
}

test_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as bucket({"encryption": [{"default_kms_key_name": "projects/p/locations/us/keyRings/r/cryptoKeys/k"}]}, [])
}

test_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as bucket({"encryption": [{}]}, [])
		with data.planguard.references as {"google_storage_bucket.datasets": [{"attribute": "encryption.default_kms_key_name", "to": "google_kms_crypto_key.k"}]}
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as bucket({"encryption": [{}]}, ["encryption.0.default_kms_key_name"])
}
