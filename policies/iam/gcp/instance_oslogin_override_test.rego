package planguard.iam.gcp.instance_oslogin_override_test

import data.planguard.iam.gcp.instance_oslogin_override as policy
import data.planguard.lib.test as t

vm := "google_compute_instance.notebook"

findings(metadata, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(vm, {"metadata": metadata}, unknown_paths)
}

test_os_login_override_is_denied if {
	t.assert_denied(findings({"enable-oslogin": "FALSE"}, []), vm, "metadata.enable-oslogin")
	t.assert_denied(findings({"enable-oslogin": "0"}, []), vm, "metadata.enable-oslogin")
}

test_os_login_left_on_passes if {
	t.assert_passes(findings({"enable-oslogin": "TRUE"}, []), vm)
	t.assert_passes(findings({"startup-script": "echo"}, []), vm)
}

test_metadata_known_after_apply_is_not_judged if {
	t.assert_passes(findings({}, ["metadata"]), vm)
}
