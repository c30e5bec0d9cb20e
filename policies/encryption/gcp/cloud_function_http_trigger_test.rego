package planguard.encryption.gcp.cloud_function_http_trigger_test

import data.planguard.encryption.gcp.cloud_function_http_trigger as policy
import data.planguard.lib.test as t

fn := "google_cloudfunctions_function.predict"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(fn, after, unknown_paths)
}

test_optional_https_is_denied if {
	t.assert_denied(findings({"trigger_http": true, "https_trigger_security_level": "SECURE_OPTIONAL"}, []), fn, "https_trigger_security_level")
}

test_https_always_and_event_triggers_pass if {
	t.assert_passes(findings({"trigger_http": true, "https_trigger_security_level": "SECURE_ALWAYS"}, []), fn)
	t.assert_passes(findings({"event_trigger": [{"event_type": "google.storage.object.finalize"}], "https_trigger_security_level": null}, []), fn)
}

# A level the configuration sets to a value known only after apply is not judged.
test_level_known_after_apply_is_not_judged if {
	t.assert_passes(findings({"trigger_http": true, "https_trigger_security_level": null}, ["https_trigger_security_level"]), fn)
}

# Left out of the configuration, the level is the API's default, SECURE_OPTIONAL,
# though the plan shows it as known after apply.
test_level_left_out_is_secure_optional_and_denied if {
	function := {
		"address": fn, "config_address": fn, "type": "google_cloudfunctions_function",
		"after": {"trigger_http": true, "https_trigger_security_level": null},
		"after_unknown": {"https_trigger_security_level": true},
		"expressions": {"trigger_http": {"constant_value": true}, "runtime": {"constant_value": "python312"}},
	}
	t.assert_denied(policy.deny, fn, "https_trigger_security_level") with data.planguard.resources_by_type as {"google_cloudfunctions_function": [function]}
}

# Checkov's CKV2_GCP_10 also fails event-triggered functions, which have no URL.
test_event_triggered_function_with_the_level_left_out_passes if {
	function := {
		"address": fn, "config_address": fn, "type": "google_cloudfunctions_function",
		"after": {"event_trigger": [{"event_type": "google.pubsub.topic.publish"}], "https_trigger_security_level": null},
		"after_unknown": {"https_trigger_security_level": true},
		"expressions": {"event_trigger": [{"event_type": {"constant_value": "google.pubsub.topic.publish"}}]},
	}
	t.assert_passes(policy.deny, fn) with data.planguard.resources_by_type as {"google_cloudfunctions_function": [function]}
}
