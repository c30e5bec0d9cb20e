package planguard.encryption.gcp.workbench_cmek_test

import data.planguard.encryption.gcp.workbench_cmek as policy
import data.planguard.lib.test as t

wb := "google_workbench_instance.lab"

nb := "google_notebooks_instance.lab"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

key := "projects/p/locations/europe-west4/keyRings/ml/cryptoKeys/notebooks"

setup(boot, disks) := {"gce_setup": [{"boot_disk": boot, "data_disks": disks}]}

test_workbench_boot_disk_without_key_is_denied if {
	t.assert_denied(findings(wb, setup([{"disk_size_gb": 150}], []), []), wb, "gce_setup.0.boot_disk.0.kms_key")
}

test_workbench_data_disk_without_key_is_denied if {
	t.assert_denied(findings(wb, setup([{"kms_key": key}], [{"kms_key": ""}]), []), wb, "gce_setup.0.data_disks.0.kms_key")
}

test_workbench_with_keys_passes if {
	t.assert_passes(findings(wb, setup([{"kms_key": key}], [{"kms_key": key}]), []), wb)
}

test_workbench_key_known_after_apply_is_not_judged if {
	t.assert_passes(findings(wb, setup([{}], []), ["gce_setup.0.boot_disk.0.kms_key"]), wb)
	t.assert_passes(findings(wb, {"gce_setup": [{"data_disks": []}]}, ["gce_setup.0.boot_disk"]), wb)
}

# No boot_disk block (and none to come): the provider creates a boot disk with a Google-managed key.
test_workbench_without_boot_disk_block_is_denied if {
	t.assert_denied(findings(wb, setup([], []), []), wb, "gce_setup.0.boot_disk")
}

test_notebook_without_cmek_is_denied if {
	t.assert_denied(findings(nb, {"disk_encryption": "GMEK", "kms_key": null}, []), nb, "kms_key")
	t.assert_denied(findings(nb, {"kms_key": key}, []), nb, "kms_key")
}

test_notebook_with_cmek_passes if {
	t.assert_passes(findings(nb, {"disk_encryption": "CMEK", "kms_key": key}, []), nb)
}

test_notebook_key_known_after_apply_is_not_judged if {
	t.assert_passes(findings(nb, {"disk_encryption": "CMEK"}, ["kms_key"]), nb)
}

runtime := "google_notebooks_runtime.managed"

runtime_findings(vm_config, unknown_paths) := found if {
	after := {"virtual_machine": [{"virtual_machine_config": [vm_config]}]}
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(runtime, after, unknown_paths)
}

test_runtime_without_key_is_denied if {
	t.assert_denied(runtime_findings({"machine_type": "n1-standard-4"}, []), runtime, "virtual_machine.0.virtual_machine_config.0.encryption_config.0.kms_key")
}

test_runtime_with_key_passes if {
	t.assert_passes(runtime_findings({"encryption_config": [{"kms_key": key}]}, []), runtime)
}

test_runtime_key_known_after_apply_is_not_judged if {
	t.assert_passes(runtime_findings({"encryption_config": [{}]}, ["virtual_machine.0.virtual_machine_config.0.encryption_config.0.kms_key"]), runtime)
}
