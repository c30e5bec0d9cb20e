package planguard.network.gcp.workbench_public_ip_test

import data.planguard.lib.test as t
import data.planguard.network.gcp.workbench_public_ip as policy

wb(after, unknown) := {"google_workbench_instance": [{
	"address": "google_workbench_instance.lab",
	"config_address": "google_workbench_instance.lab",
	"type": "google_workbench_instance",
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_ip_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as wb({"gce_setup": [{"machine_type": "n1-standard-4", "disable_public_ip": false}]}, [])
	some f in findings
	f.attribute == "gce_setup.0.disable_public_ip"
}

test_default_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as wb({"gce_setup": [{"machine_type": "n1-standard-4"}]}, [])
}

test_private_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as wb({"gce_setup": [{"disable_public_ip": true}]}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as wb({"gce_setup": [{}]}, ["gce_setup.0.disable_public_ip"])
}

test_legacy_notebook_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as {"google_notebooks_instance": [{
		"address": "google_notebooks_instance.old",
		"config_address": "google_notebooks_instance.old",
		"type": "google_notebooks_instance",
		"after": {"no_public_ip": false},
		"unknown_paths": [],
	}]}
}

runtime := "google_notebooks_runtime.managed"

runtime_findings(vm_config, unknown_paths) := found if {
	after := {"virtual_machine": [{"virtual_machine_config": [vm_config]}]}
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(runtime, after, unknown_paths)
}

test_runtime_with_public_ip_is_denied if {
	t.assert_denied(runtime_findings({"internal_ip_only": false}, []), runtime, "virtual_machine.0.virtual_machine_config.0.internal_ip_only")
	t.assert_denied(runtime_findings({"machine_type": "n1-standard-4"}, []), runtime, "virtual_machine.0.virtual_machine_config.0.internal_ip_only")
}

test_internal_runtime_passes if {
	t.assert_passes(runtime_findings({"internal_ip_only": true}, []), runtime)
}

test_runtime_ip_known_after_apply_is_not_judged if {
	t.assert_passes(runtime_findings({}, ["virtual_machine.0.virtual_machine_config.0.internal_ip_only"]), runtime)
}
