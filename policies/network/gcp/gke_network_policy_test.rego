package planguard.network.gcp.gke_network_policy_test

import data.planguard.lib.test as t
import data.planguard.network.gcp.gke_network_policy as policy

gke := "google_container_cluster.training"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(gke, after, unknown_paths)
}

test_cluster_without_network_policy_is_denied if {
	t.assert_denied(findings({"datapath_provider": "LEGACY_DATAPATH", "network_policy": [{"enabled": false}]}, []), gke, "network_policy")
	t.assert_denied(findings({"datapath_provider": "DATAPATH_PROVIDER_UNSPECIFIED", "network_policy": []}, []), gke, "network_policy")
}

# Checkov's CKV_GCP_12 also fails Dataplane V2 and Autopilot clusters without
# network_policy.enabled: they enforce network policies without it.
test_enforcing_clusters_pass if {
	t.assert_passes(findings({"datapath_provider": "LEGACY_DATAPATH", "network_policy": [{"enabled": true, "provider": "CALICO"}]}, []), gke)
	t.assert_passes(findings({"datapath_provider": "ADVANCED_DATAPATH"}, []), gke)
	t.assert_passes(findings({"enable_autopilot": true}, ["datapath_provider"]), gke)
}

# datapath_provider is computed when left out: the cluster may get Dataplane V2.
test_datapath_known_after_apply_is_not_judged if {
	t.assert_passes(findings({"network_policy": []}, ["datapath_provider"]), gke)
	t.assert_passes(findings({"datapath_provider": "LEGACY_DATAPATH", "network_policy": [{}]}, ["network_policy.0.enabled"]), gke)
}
