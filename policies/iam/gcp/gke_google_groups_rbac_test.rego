package planguard.iam.gcp.gke_google_groups_rbac_test

import data.planguard.iam.gcp.gke_google_groups_rbac as policy
import data.planguard.lib.test as t

cluster := "google_container_cluster.training"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(cluster, after, unknown_paths)
}

test_no_security_group_is_denied if {
	t.assert_denied(findings({"authenticator_groups_config": [{"security_group": ""}]}, []), cluster, "authenticator_groups_config")
	t.assert_denied(findings({"authenticator_groups_config": [{"security_group": null}]}, []), cluster, "authenticator_groups_config")
}

# Left out, Google Groups for RBAC is off.
test_block_left_out_is_denied if {
	t.assert_denied(findings({"authenticator_groups_config": []}, []), cluster, "authenticator_groups_config")
	t.assert_denied(findings({"name": "training"}, []), cluster, "authenticator_groups_config")
}

test_security_group_passes if {
	t.assert_passes(findings({"authenticator_groups_config": [{"security_group": "gke-security-groups@example.com"}]}, []), cluster)
}

test_values_known_after_apply_are_not_judged if {
	t.assert_passes(findings({}, ["authenticator_groups_config"]), cluster)
	t.assert_passes(findings({"authenticator_groups_config": [{}]}, ["authenticator_groups_config.0.security_group"]), cluster)
}
