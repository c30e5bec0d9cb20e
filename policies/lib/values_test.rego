package planguard.lib.values_test

import data.planguard.lib

test_non_empty_strings_only if {
	lib.non_empty("projects/p/locations/l/keyRings/r/cryptoKeys/k")
	not lib.non_empty("")
	not lib.non_empty(null)
	not lib.non_empty(true)
	not lib.non_empty(["k"])
}

topic := {
	"address": "google_pubsub_topic.t",
	"config_address": "google_pubsub_topic.t",
	"type": "google_pubsub_topic",
	"after": {"name": "t", "kms_key_name": null, "message_storage_policy": [{"allowed_persistence_regions": ["eu"]}]},
	"after_unknown": {"kms_key_name": true, "labels": {}, "schema_settings": [{"schema": true}]},
}

test_unknown_value_is_pending if lib.pending(topic, ["kms_key_name"])

test_value_set_by_reference_is_pending if {
	r := json.patch(topic, [{"op": "replace", "path": "/after_unknown", "value": {}}])
	lib.pending(r, ["kms_key_name"]) with data.planguard.references as {"google_pubsub_topic.t": [{"attribute": "kms_key_name", "to": "google_kms_crypto_key.k"}]}
	not lib.pending(r, ["kms_key_name"])
}

test_no_reference_or_another_attribute_is_not_pending if {
	r := json.patch(topic, [{"op": "replace", "path": "/after_unknown", "value": {}}])
	not lib.pending(r, ["kms_key_name"]) with data.planguard.references as {"google_pubsub_topic.t": []}
	not lib.pending(r, ["kms_key_name"]) with data.planguard.references as {"google_pubsub_topic.t": [{"attribute": "labels", "to": "var.x"}]}
	not lib.pending(r, ["kms_key_name"]) with data.planguard.references as {"google_pubsub_topic.other": [{"attribute": "kms_key_name", "to": "var.x"}]}
}

test_reference_inside_a_block_is_found_without_indexes if {
	lib.pending(topic, ["message_storage_policy", 0, "allowed_persistence_regions"]) with data.planguard.references as {"google_pubsub_topic.t": [{"attribute": "message_storage_policy.allowed_persistence_regions", "to": "var.x"}]}
	not lib.pending(topic, ["message_storage_policy", 0, "allowed_persistence_regions"])
}

test_any_pending if {
	lib.any_pending(topic, ["name", "kms_key_name"])
	not lib.any_pending(topic, ["name", "labels"])
}

registry(after) := {"address": "a.b", "config_address": "a.b", "type": "a", "after": after, "unknown_paths": []}

names := ["public_network_access_enabled", "public_network_access"]

test_first_set_name_and_value if {
	r := registry({"public_network_access": false, "public_network_access_enabled": null})
	lib.first_set(r, names) == "public_network_access"
	lib.attribute_of(r, names) == "public_network_access"
	lib.value_of(r, names, true) == false
}

test_earlier_name_wins if {
	r := registry({"public_network_access": false, "public_network_access_enabled": true})
	lib.attribute_of(r, names) == "public_network_access_enabled"
	lib.value_of(r, names, false) == true
}

test_nothing_set_gives_the_first_name_and_the_default if {
	r := registry({"name": "x"})
	not lib.first_set(r, names)
	lib.attribute_of(r, names) == "public_network_access_enabled"
	lib.value_of(r, names, "provider default") == "provider default"
}

test_unknown_within_a_block if {
	lib.unknown_within(topic, ["schema_settings"])
	lib.unknown_within(topic, ["kms_key_name"])
	not lib.unknown_within(topic, ["labels"])
	not lib.unknown_within(topic, ["message_storage_policy"])
}

test_unknown_within_nested_false_and_absent if {
	r := {"after": {}, "after_unknown": {"a": false, "b": [{"c": {"d": true}}], "e": {"f": [false]}}}
	not lib.unknown_within(r, ["a"])
	lib.unknown_within(r, ["b"])
	lib.unknown_within(r, ["b", 0])
	not lib.unknown_within(r, ["e"])
	not lib.unknown_within(r, ["zz"])
}

test_unknown_within_without_the_mask if {
	r := {"after": {}, "unknown_paths": ["encryption.0.default_kms_key_name", "encryptionx"]}
	lib.unknown_within(r, ["encryption"])
	not lib.unknown_within(r, ["encrypt"])
	lib.unknown_within(r, ["encryptionx"])
}

domain(after, mask) := {"address": "aws_opensearch_domain.d", "config_address": "aws_opensearch_domain.d", "after": after, "after_unknown": mask}

test_unknown_in_blocks if {
	lib.unknown_in_blocks(domain({}, {"encrypt_at_rest": true}), "encrypt_at_rest", "enabled")
	lib.unknown_in_blocks(domain({"encrypt_at_rest": [{"enabled": null}]}, {"encrypt_at_rest": [{"enabled": true}]}), "encrypt_at_rest", "enabled")
	not lib.unknown_in_blocks(domain({"encrypt_at_rest": [{"enabled": false}]}, {"encrypt_at_rest": [{"kms_key_id": true}]}), "encrypt_at_rest", "enabled")
	not lib.unknown_in_blocks(domain({}, {}), "encrypt_at_rest", "enabled")
}

test_bool_text if {
	lib.bool_text("TRUE") == true
	lib.bool_text(true) == true
	lib.bool_text("1") == true
	lib.bool_text("False") == false
	lib.bool_text(false) == false
	lib.bool_text("0") == false
	not lib.bool_text("(sensitive value)")
	not lib.bool_text(null)
	not lib.bool_text("yes")
}
