package planguard.encryption.gcp.filestore_cmek_test

import data.planguard.encryption.gcp.filestore_cmek as policy

res(after, unknown) := {"google_filestore_instance": [{
	"address": "google_filestore_instance.shared",
	"config_address": "google_filestore_instance.shared",
	"type": "google_filestore_instance",
	"after": after,
	"unknown_paths": unknown,
}]}

test_missing_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res({"name": "x", "kms_key_name": null}, [])
	some f in findings
	f.resource == "google_filestore_instance.shared"
	f.attribute == "kms_key_name"
}

test_empty_key_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as res({"kms_key_name": ""}, [])
}

test_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({"kms_key_name": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}, [])
}

test_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({}, [])
		with data.planguard.references as {"google_filestore_instance.shared": [{"attribute": "kms_key_name", "to": "google_kms_crypto_key.k"}]}
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({}, ["kms_key_name"])
}
