package planguard.network.gcp.subnet_flow_logs_test

import data.planguard.network.gcp.subnet_flow_logs as policy

subnet(after, unknown) := {"google_compute_subnetwork": [{
	"address": "google_compute_subnetwork.training",
	"config_address": "google_compute_subnetwork.training",
	"type": "google_compute_subnetwork",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_flow_logs_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as subnet({"ip_cidr_range": "10.0.0.0/20", "log_config": []}, [])
	some f in findings
	f.attribute == "log_config"
}

test_flow_logs_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({"log_config": [{"aggregation_interval": "INTERVAL_5_SEC"}]}, [])
}

test_proxy_only_subnet_is_skipped if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({"purpose": "REGIONAL_MANAGED_PROXY", "log_config": []}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({}, ["log_config"])
}

# Checkov's CKV_GCP_26 also fails Private Service Connect and private NAT subnets
# (Trivy's AVD-GCP-0029 exempts proxy-only ones only): they hold no VMs to log.
test_subnets_without_vms_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({"purpose": "PRIVATE_SERVICE_CONNECT", "log_config": []}, [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({"purpose": "PRIVATE_NAT", "log_config": []}, [])
}

left_out(after, unknown) := {"google_compute_subnetwork": [{
	"address": "google_compute_subnetwork.training",
	"config_address": "google_compute_subnetwork.training",
	"type": "google_compute_subnetwork",
	"after": after,
	"after_unknown": unknown,
	"expressions": {"ip_cidr_range": {"constant_value": "10.0.0.0/20"}},
}]}

# A purpose left out of the configuration is the provider's PRIVATE even while
# the plan shows it as known after apply; a purpose set to such a value is not judged.
test_purpose_left_out_is_a_vm_subnet if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as left_out({"purpose": null, "log_config": []}, {"purpose": true})
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({"log_config": []}, ["purpose"])
}
