package planguard.lib.test_test

import data.planguard.lib.test as t

findings := {
	{"msg": "m", "resource": "google_storage_bucket.data", "attribute": "encryption"},
	{"msg": "m", "resource": "google_storage_bucket.logs", "attribute": "versioning"},
}

test_assert_denied_matches_resource_and_attribute if {
	t.assert_denied(findings, "google_storage_bucket.data", "encryption")
	not t.assert_denied(findings, "google_storage_bucket.data", "versioning")
	not t.assert_denied(findings, "google_storage_bucket.other", "encryption")
	not t.assert_denied(set(), "google_storage_bucket.data", "encryption")
}

test_assert_passes_when_the_resource_is_not_named if {
	t.assert_passes(findings, "google_storage_bucket.other")
	t.assert_passes(set(), "google_storage_bucket.data")
	not t.assert_passes(findings, "google_storage_bucket.logs")
}

test_assert_count if {
	t.assert_count(findings, 2)
	t.assert_count(set(), 0)
	not t.assert_count(findings, 1)
}

test_reported_lists_what_the_rule_found if {
	t.reported(findings) == "google_storage_bucket.data at encryption, google_storage_bucket.logs at versioning"
	t.reported(set()) == "nothing"
	t.reported({"a message"}) == "a message"
	t.reported({{"msg": "m", "resource": "x.y"}}) == "x.y"
}

test_one_resource if {
	t.one_resource("google_storage_bucket.data", {"name": "d"}, ["encryption"]) == {"google_storage_bucket": [{
		"address": "google_storage_bucket.data",
		"config_address": "google_storage_bucket.data",
		"type": "google_storage_bucket",
		"after": {"name": "d"},
		"unknown_paths": ["encryption"],
	}]}
}
