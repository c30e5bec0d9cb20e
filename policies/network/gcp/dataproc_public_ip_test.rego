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

# A planned block without the setting, or a value set to something known only after apply.
test_left_out_or_known_after_apply_is_not_judged if {
	t.assert_passes(findings({"subnetwork": "ml"}, []), dp)
	t.assert_passes(findings({}, ["cluster_config.0.gce_cluster_config.0.internal_ip_only"]), dp)
}

cluster(image, expressions) := {"google_dataproc_cluster": [{
	"address": dp,
	"config_address": dp,
	"type": "google_dataproc_cluster",
	"after": {"cluster_config": [{"gce_cluster_config": [{"subnetwork": "ml"}], "software_config": [{"image_version": image}]}]},
	"after_unknown": {"cluster_config": [{"gce_cluster_config": [{"internal_ip_only": true}]}]},
	"expressions": {"cluster_config": [{"gce_cluster_config": [expressions]}]},
}]}

left_out := {"subnetwork": {"constant_value": "ml"}}

# Left out, the API decides by image: public IPs before 2.2, internal only from 2.2
# (and on the default image). Checkov's CKV_GCP_103 fails every cluster that leaves it out.
test_left_out_on_an_image_before_2_2_is_denied if {
	t.assert_denied(policy.deny, dp, "cluster_config.0.gce_cluster_config.0.internal_ip_only") with data.planguard.resources_by_type as cluster("2.1-debian11", left_out)
	t.assert_denied(policy.deny, dp, "cluster_config.0.gce_cluster_config.0.internal_ip_only") with data.planguard.resources_by_type as cluster("1.5.80-ubuntu18", left_out)
}

test_left_out_on_image_2_2_or_the_default_image_passes if {
	t.assert_passes(policy.deny, dp) with data.planguard.resources_by_type as cluster("2.2-debian12", left_out)
	t.assert_passes(policy.deny, dp) with data.planguard.resources_by_type as cluster("2.3.1-rocky9", left_out)
	t.assert_passes(policy.deny, dp) with data.planguard.resources_by_type as cluster(null, left_out)
}

test_set_to_a_value_known_after_apply_is_not_judged if {
	t.assert_passes(policy.deny, dp) with data.planguard.resources_by_type as cluster("2.1-debian11", {"internal_ip_only": {"references": ["var.internal_only"]}})
}
