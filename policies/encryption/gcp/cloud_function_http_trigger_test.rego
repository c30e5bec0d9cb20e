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

# Left out, the level is computed by the API: known only after apply.
test_level_known_after_apply_is_not_judged if {
	t.assert_passes(findings({"trigger_http": true, "https_trigger_security_level": null}, ["https_trigger_security_level"]), fn)
}
