package planguard.iam.gcp.instance_serial_port_test

import data.planguard.iam.gcp.instance_serial_port as policy
import data.planguard.lib.test as t

vm := "google_compute_instance.notebook"

findings(metadata, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(vm, {"metadata": metadata}, unknown_paths)
}

test_serial_console_is_denied if {
	t.assert_denied(findings({"serial-port-enable": "TRUE"}, []), vm, "metadata.serial-port-enable")
	t.assert_denied(findings({"serial-port-enable": true}, []), vm, "metadata.serial-port-enable")
}

test_no_serial_console_passes if {
	t.assert_passes(findings({"serial-port-enable": "false"}, []), vm)
	t.assert_passes(findings({"startup-script": "echo"}, []), vm)
	t.assert_passes(findings(null, []), vm)
}

test_metadata_known_after_apply_is_not_judged if {
	t.assert_passes(findings({}, ["metadata"]), vm)
}
