package planguard.encryption.gcp.pubsub_topic_cmek_test

import data.planguard.encryption.gcp.pubsub_topic_cmek as policy

res(after, unknown) := {"google_pubsub_topic": [{
	"address": "google_pubsub_topic.events",
	"config_address": "google_pubsub_topic.events",
	"type": "google_pubsub_topic",
	"after": after,
	"unknown_paths": unknown,
}]}

test_missing_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as res({"name": "x", "kms_key_name": null}, [])
	some f in findings
	f.resource == "google_pubsub_topic.events"
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
		with data.planguard.references as {"google_pubsub_topic.events": [{"attribute": "kms_key_name", "to": "google_kms_crypto_key.k"}]}
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as res({}, ["kms_key_name"])
}
