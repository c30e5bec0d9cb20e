package planguard.iam.gcp.gke_metadata_server_test

import data.planguard.iam.gcp.gke_metadata_server as policy
import data.planguard.lib.test as t

pool := "google_container_node_pool.a100"

cluster := "google_container_cluster.training"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

node_config(workload) := {"node_config": [{"machine_type": "a2-highgpu-8g", "workload_metadata_config": workload}]}

test_node_metadata_exposed_is_denied if {
	t.assert_denied(findings(pool, node_config([{"mode": "GCE_METADATA"}]), []), pool, "node_config.0.workload_metadata_config")
	t.assert_denied(findings(cluster, node_config([{"mode": "MODE_UNSPECIFIED"}]), []), cluster, "node_config.0.workload_metadata_config")
	# The provider's 3.x spellings: exposed, and concealed (which still serves the node's token).
	t.assert_denied(findings(pool, node_config([{"node_metadata": "EXPOSE"}]), []), pool, "node_config.0.workload_metadata_config")
	t.assert_denied(findings(pool, node_config([{"node_metadata": "SECURE"}]), []), pool, "node_config.0.workload_metadata_config")
}

# A block the plan shows empty (written without the setting) or a node_config without it.
test_setting_left_out_is_denied if {
	t.assert_denied(findings(pool, node_config([]), []), pool, "node_config.0.workload_metadata_config")
	t.assert_denied(findings(pool, {"node_config": [{"machine_type": "g2-standard-8"}]}, []), pool, "node_config.0.workload_metadata_config")
	t.assert_denied(findings(cluster, {"node_config": []}, []), cluster, "node_config")
	t.assert_denied(findings(pool, {"node_config": null}, []), pool, "node_config")
}

test_gke_metadata_server_passes if {
	t.assert_passes(findings(pool, node_config([{"mode": "GKE_METADATA"}]), []), pool)
	t.assert_passes(findings(cluster, node_config([{"node_metadata": "GKE_METADATA_SERVER"}]), []), cluster)
}

test_values_known_after_apply_are_not_judged if {
	t.assert_passes(findings(cluster, {}, ["node_config"]), cluster)
	t.assert_passes(findings(pool, node_config([]), ["node_config.0.workload_metadata_config"]), pool)
	t.assert_passes(findings(pool, node_config([{}]), ["node_config.0.workload_metadata_config.0.mode"]), pool)
}

test_other_resource_types_are_not_judged if {
	t.assert_count(findings("google_compute_instance.vm", {"node_config": []}, []), 0)
}

# Node pools written inside the cluster are judged too; Checkov's CKV_GCP_69 reads only
# node_config, so only those findings name it.
test_inline_node_pools_are_judged_without_the_checkov_id if {
	inline := {"node_config": [{"workload_metadata_config": [{"mode": "GKE_METADATA"}]}], "node_pool": [
		{"name": "gpu", "node_config": [{"workload_metadata_config": [{"mode": "GCE_METADATA"}]}]},
		{"name": "cpu", "node_config": [{"workload_metadata_config": [{"mode": "GKE_METADATA"}]}]},
	]}
	found := findings(cluster, inline, [])
	t.assert_count(found, 1)
	t.assert_denied(found, cluster, "node_pool.0.node_config.0.workload_metadata_config")
	some f in found
	f.aliases == []
	some g in findings(pool, node_config([{"mode": "GCE_METADATA"}]), [])
	g.aliases == ["CKV_GCP_69"]
	t.assert_passes(findings(cluster, {"node_config": [], "node_pool": [{"node_config": [{}]}]}, ["node_config", "node_pool.0.node_config.0.workload_metadata_config"]), cluster)
}

# Trivy's AVD-GCP-0057 is named where it fails: node_metadata EXPOSE or UNSPECIFIED
# (also a written block without a value), on the cluster, its inline pools and pool
# resources; GCE_METADATA and concealment fail here without it.
test_trivy_id_only_on_exposed_or_unspecified_metadata if {
	some exposed in findings(pool, node_config([{"node_metadata": "EXPOSE"}]), [])
	exposed.aliases == ["AVD-GCP-0057", "CKV_GCP_69"]
	some empty in findings(cluster, node_config([{}]), [])
	empty.aliases == ["AVD-GCP-0057", "CKV_GCP_69"]
	some inline in findings(cluster, {"node_pool": [{"node_config": [{"workload_metadata_config": [{"node_metadata": "UNSPECIFIED"}]}]}]}, [])
	inline.aliases == ["AVD-GCP-0057"]
	some gce in findings(pool, node_config([{"mode": "GCE_METADATA"}]), [])
	gce.aliases == ["CKV_GCP_69"]
	some secure in findings(pool, node_config([{"node_metadata": "SECURE"}]), [])
	secure.aliases == ["CKV_GCP_69"]
	some missing in findings(pool, {"node_config": [{"machine_type": "g2-standard-8"}]}, [])
	missing.aliases == ["CKV_GCP_69"]
}
