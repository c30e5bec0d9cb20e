package planguard.network.gcp.instance_external_ip_test

import data.planguard.network.gcp.instance_external_ip as policy

vm(type, nic, unknown) := {type: [{
	"address": sprintf("%s.trainer", [type]),
	"config_address": sprintf("%s.trainer", [type]),
	"type": type,
	"after": {"network_interface": [nic]},
	"unknown_paths": unknown,
}]}

test_access_config_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as vm("google_compute_instance", {"network": "default", "access_config": [{}]}, ["network_interface.0.access_config.0.nat_ip"])
	some f in findings
	f.attribute == "network_interface.0.access_config"
}

test_template_access_config_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as vm("google_compute_instance_template", {"access_config": [{"network_tier": "PREMIUM"}]}, [])
}

test_private_vm_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vm("google_compute_instance", {"network": "default", "access_config": []}, [])
}

test_unknown_address_inside_private_nic_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vm("google_compute_instance", {"access_config": []}, ["network_interface.0.network_ip"])
}

test_unknown_access_config_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as vm("google_compute_instance", {"access_config": [{}]}, ["network_interface.0.access_config"])
}
