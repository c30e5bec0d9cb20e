package planguard.network.gcp.subnet_private_google_access_test

import data.planguard.network.gcp.subnet_private_google_access as policy

subnet(after, unknown) := {"google_compute_subnetwork": [{
	"address": "google_compute_subnetwork.training",
	"config_address": "google_compute_subnetwork.training",
	"type": "google_compute_subnetwork",
	"after": after,
	"unknown_paths": unknown,
}]}

test_off_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as subnet({"private_ip_google_access": false}, [])
	some f in findings
	f.attribute == "private_ip_google_access"
}

test_on_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({"private_ip_google_access": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({}, ["private_ip_google_access"])
}

# Trivy's AVD-GCP-0075 also fails proxy-only, Private Service Connect and private
# NAT subnets: they hold no VMs that would reach Google APIs.
test_subnets_without_vms_pass if {
	every purpose in ["REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "PRIVATE_SERVICE_CONNECT", "PRIVATE_NAT"] {
		count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({"purpose": purpose, "private_ip_google_access": false}, [])
	}
}

# A purpose left out of the configuration is the provider's PRIVATE even while
# the plan shows it as known after apply; a purpose set to such a value is not judged.
test_purpose_left_out_is_a_vm_subnet if {
	left_out := {"google_compute_subnetwork": [{
		"address": "google_compute_subnetwork.training",
		"config_address": "google_compute_subnetwork.training",
		"type": "google_compute_subnetwork",
		"after": {"purpose": null, "private_ip_google_access": false},
		"after_unknown": {"purpose": true},
		"expressions": {"ip_cidr_range": {"constant_value": "10.0.0.0/20"}},
	}]}
	count(policy.deny) == 1 with data.planguard.resources_by_type as left_out
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({"private_ip_google_access": false}, ["purpose"])
}
