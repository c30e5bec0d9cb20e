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
