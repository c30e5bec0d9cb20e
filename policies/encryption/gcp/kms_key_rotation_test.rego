package planguard.encryption.gcp.kms_key_rotation_test

import data.planguard.encryption.gcp.kms_key_rotation as policy

key(after, unknown) := {"google_kms_crypto_key": [{
	"address": "google_kms_crypto_key.data",
	"config_address": "google_kms_crypto_key.data",
	"type": "google_kms_crypto_key",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_rotation_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as key({"purpose": "ENCRYPT_DECRYPT", "rotation_period": null}, [])
	some f in findings
	f.attribute == "rotation_period"
}

test_one_year_rotation_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as key({"purpose": "ENCRYPT_DECRYPT", "rotation_period": "31536000s"}, [])
}

test_ninety_days_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as key({"purpose": "ENCRYPT_DECRYPT", "rotation_period": "7776000s"}, [])
}

test_asymmetric_key_is_skipped if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as key({"purpose": "ASYMMETRIC_SIGN"}, [])
}

test_unknown_period_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as key({"purpose": "ENCRYPT_DECRYPT"}, ["rotation_period"])
}

ring_reference := {"google_kms_crypto_key.data": [{"attribute": "key_ring", "to": "google_kms_key_ring.ml"}]}

aliases_of(after, references) := found if {
	found := {f.aliases | some f in policy.deny} with data.planguard.resources_by_type as key(after, [])
		with data.planguard.references as references
}

# Trivy's AVD-GCP-0065 fails a period over 90 days on a key tied to a key ring block, not a missing one.
test_trivy_id_only_on_long_periods if {
	aliases_of({"purpose": "ENCRYPT_DECRYPT", "rotation_period": "31536000s"}, ring_reference) == {["AVD-GCP-0065"]}
	aliases_of({"purpose": "ENCRYPT_DECRYPT", "rotation_period": null}, ring_reference) == {[]}
	aliases_of({"purpose": "ENCRYPT_DECRYPT", "rotation_period": "31536000s"}, {}) == {[]}
}

# Checkov's CKV_GCP_43 also fails asymmetric and MAC keys (they cannot rotate
# automatically) and periods under a day (the API refuses them).
test_keys_that_cannot_rotate_and_short_periods_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as key({"purpose": "MAC", "rotation_period": null}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as key({"purpose": "ASYMMETRIC_DECRYPT", "rotation_period": null}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as key({"purpose": "ENCRYPT_DECRYPT", "rotation_period": "3600s"}, [])
}
