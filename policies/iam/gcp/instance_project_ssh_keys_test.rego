package planguard.iam.gcp.instance_project_ssh_keys_test

import data.planguard.iam.gcp.instance_project_ssh_keys as policy
import data.planguard.lib.test as t

vm := "google_compute_instance.trainer"

template := "google_compute_instance_template.workers"

regional := "google_compute_region_instance_template.workers"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_project_keys_allowed_is_denied if {
	t.assert_denied(findings(vm, {"metadata": {"block-project-ssh-keys": "FALSE"}}, []), vm, "metadata.block-project-ssh-keys")
	t.assert_denied(findings(template, {"metadata": {"block-project-ssh-keys": "false"}}, []), template, "metadata.block-project-ssh-keys")
	# A value GCE does not read as true does not block the keys.
	t.assert_denied(findings(vm, {"metadata": {"block-project-ssh-keys": "yes please"}}, []), vm, "metadata.block-project-ssh-keys")
}

# Left out, the key takes Compute Engine's default: project keys are accepted.
test_key_left_out_is_denied if {
	t.assert_denied(findings(vm, {"metadata": {"enable-oslogin": "TRUE"}}, []), vm, "metadata.block-project-ssh-keys")
	t.assert_denied(findings(vm, {"metadata": null}, []), vm, "metadata.block-project-ssh-keys")
	t.assert_denied(findings(template, {}, []), template, "metadata.block-project-ssh-keys")
	t.assert_denied(findings(regional, {"metadata": {}}, []), regional, "metadata.block-project-ssh-keys")
}

test_blocked_project_keys_pass if {
	t.assert_passes(findings(vm, {"metadata": {"block-project-ssh-keys": "TRUE"}}, []), vm)
	t.assert_passes(findings(vm, {"metadata": {"block-project-ssh-keys": "true"}}, []), vm)
	t.assert_passes(findings(template, {"metadata": {"block-project-ssh-keys": true}}, []), template)
}

test_metadata_known_after_apply_is_not_judged if {
	t.assert_passes(findings(vm, {}, ["metadata"]), vm)
	t.assert_passes(findings(template, {"metadata": {}}, ["metadata.block-project-ssh-keys"]), template)
}

test_other_resource_types_are_not_judged if {
	t.assert_count(findings("google_compute_instance_from_template.copy", {"metadata": {}}, []), 0)
}

# Trivy's AVD-GCP-0030 judges VMs, Checkov's CKV_GCP_32 VMs and global templates:
# each finding names the checks that would raise it.
test_findings_name_the_checks_that_judge_their_type if {
	some f in findings(vm, {"metadata": {}}, [])
	f.aliases == ["AVD-GCP-0030", "CKV_GCP_32"]
	some g in findings(template, {"metadata": {}}, [])
	g.aliases == ["CKV_GCP_32"]
	some h in findings(regional, {"metadata": {}}, [])
	h.aliases == []
}
