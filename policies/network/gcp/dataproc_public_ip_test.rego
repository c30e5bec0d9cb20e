package planguard.network.gcp.dataproc_public_ip_test

import data.planguard.lib.test as t
import data.planguard.network.gcp.dataproc_public_ip as policy

dp := "google_dataproc_cluster.spark"

findings(gce, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(dp, {"cluster_config": [{"gce_cluster_config": [gce]}]}, unknown_paths)
}

test_public_ips_are_denied if {
	t.assert_denied(findings({"internal_ip_only": false}, []), dp, "cluster_config.0.gce_cluster_config.0.internal_ip_only")
}

test_internal_ips_only_pass if {
	t.assert_passes(findings({"internal_ip_only": true}, []), dp)
}

# Left out, the API decides (internal IPs only for image 2.2 and later): planguard judges a planned false.
test_left_out_or_known_after_apply_is_not_judged if {
	t.assert_passes(findings({"subnetwork": "ml"}, []), dp)
	t.assert_passes(findings({}, ["cluster_config.0.gce_cluster_config.0.internal_ip_only"]), dp)
}
