package planguard.network.gcp.instance_ip_forwarding_test

import data.planguard.lib.test as t
import data.planguard.network.gcp.instance_ip_forwarding as policy

vm := "google_compute_instance.trainer"

tpl := "google_compute_instance_template.trainers"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_ip_forwarding_is_denied if {
	t.assert_denied(findings(vm, {"can_ip_forward": true}, []), vm, "can_ip_forward")
	t.assert_denied(findings(tpl, {"can_ip_forward": true}, []), tpl, "can_ip_forward")
}

test_no_forwarding_passes if {
	t.assert_passes(findings(vm, {"can_ip_forward": false}, []), vm)
	t.assert_passes(findings(vm, {"machine_type": "g2-standard-8"}, []), vm)
}

test_forwarding_known_after_apply_is_not_judged if {
	t.assert_passes(findings(vm, {"can_ip_forward": null}, ["can_ip_forward"]), vm)
}

# Checkov's CKV_GCP_36 judges VMs not named gke-*: only their findings name it.
test_checkov_id_only_on_vms_it_judges if {
	some f in findings(vm, {"name": "router", "can_ip_forward": true}, [])
	f.aliases == ["CKV_GCP_36"]
	some g in findings(vm, {"name": "gke-pool-1-abcd", "can_ip_forward": true}, [])
	g.aliases == []
	some h in findings(tpl, {"name": "router", "can_ip_forward": true}, [])
	h.aliases == []
}
