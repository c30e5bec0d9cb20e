package planguard.iam.gcp.gke_default_service_account_test

import data.planguard.iam.gcp.gke_default_service_account as policy
import data.planguard.lib.test as t

pool(nc, unknown) := {"google_container_node_pool": [{
	"address": "google_container_node_pool.gpu",
	"config_address": "google_container_node_pool.gpu",
	"type": "google_container_node_pool",
	"after": {"node_config": [nc]},
	"unknown_paths": unknown,
}]}

test_default_pool_account_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as pool({"service_account": "default", "machine_type": "a2-highgpu-1g"}, [])
	some f in findings
	f.attribute == "node_config.0.service_account"
}

test_default_compute_email_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as pool({"service_account": "123456789012-compute@developer.gserviceaccount.com"}, [])
}

test_inline_pool_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as {"google_container_cluster": [{
		"address": "google_container_cluster.c",
		"config_address": "google_container_cluster.c",
		"type": "google_container_cluster",
		"after": {"remove_default_node_pool": true, "node_config": [{"service_account": "default"}], "node_pool": [{"node_config": [{"service_account": "default"}]}]},
		"unknown_paths": [],
	}]}
}

test_dedicated_account_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as pool({"service_account": "gke-nodes@p.iam.gserviceaccount.com"}, [])
}

test_unknown_account_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as pool({}, ["node_config.0.service_account"])
}

# ---- an account left out, against the configuration (provider defaults)

np := "google_container_node_pool.gpu"

cl := "google_container_cluster.c"

# A node pool created by this plan: `after`, its after_unknown mask and the
# configuration block's expressions; `cluster_ref` whether `cluster` refers
# to a cluster block of the plan (data.planguard.references).
planned_pool(after, mask, expressions) := {
	"address": np,
	"config_address": np,
	"type": "google_container_node_pool",
	"after": after,
	"after_unknown": mask,
	"expressions": expressions,
}

planned_cluster(after, mask, expressions) := {
	"address": cl,
	"config_address": cl,
	"type": "google_container_cluster",
	"after": after,
	"after_unknown": mask,
	"expressions": expressions,
}

refs_to_cluster := {np: [{"attribute": "cluster", "to": cl}]}

# node_config written without service_account: the plan shows it unknown.
pool_left_out := planned_pool(
	{"node_config": [{"machine_type": "g2-standard-8"}]},
	{"node_config": [{"service_account": true}]},
	{"cluster": {"references": ["google_container_cluster.c.id", "google_container_cluster.c"]}, "node_config": [{"machine_type": {"constant_value": "g2-standard-8"}}]},
)

test_pool_leaving_the_account_out_is_denied_and_names_trivy if {
	findings := policy.deny with data.planguard.resources_by_type as {"google_container_node_pool": [pool_left_out], "google_container_cluster": [planned_cluster({"remove_default_node_pool": true}, {}, {"remove_default_node_pool": {"constant_value": true}})]}
		with data.planguard.references as refs_to_cluster
		with data.planguard.referrers as {cl: [{"attribute": "cluster", "from": np, "from_type": "google_container_node_pool"}]}
	t.assert_count(findings, 1)
	some f in findings
	f.resource == np
	f.attribute == "node_config.0.service_account"
	f.aliases == ["AVD-GCP-0050"]
}

# Trivy reads a pool only when its `cluster` refers to a cluster block: not named otherwise.
test_pool_of_a_cluster_outside_the_plan_is_denied_without_trivy if {
	findings := policy.deny with data.planguard.resources_by_type as {"google_container_node_pool": [pool_left_out]}
		with data.planguard.references as {}
	t.assert_denied(findings, np, "node_config.0.service_account")
	some f in findings
	not f.aliases
}

test_pool_without_node_config_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"google_container_node_pool": [planned_pool(
		{"node_count": 1},
		{"node_config": true},
		{"node_count": {"constant_value": 1}},
	)]}
		with data.planguard.references as {}
	t.assert_denied(findings, np, "node_config.service_account")
}

# Written as an expression known only after apply: not decided until apply.
test_pool_account_by_reference_is_not_judged if {
	t.assert_passes(policy.deny, np) with data.planguard.resources_by_type as {"google_container_node_pool": [planned_pool(
		{"node_config": [{"machine_type": "g2-standard-8"}]},
		{"node_config": [{"service_account": true}]},
		{"node_config": [{"service_account": {"references": ["google_service_account.nodes.email", "google_service_account.nodes"]}}]},
	)]}
		with data.planguard.references as {}
}

# A dynamic node_config block with a known for_each: the plan holds the block.
test_pool_with_a_planned_dynamic_block_is_judged_by_its_value if {
	t.assert_passes(policy.deny, np) with data.planguard.resources_by_type as {"google_container_node_pool": [planned_pool(
		{"node_config": [{"service_account": "gke-nodes@p.iam.gserviceaccount.com"}]},
		{"node_config": [{}]},
		{"node_count": {"constant_value": 1}},
	)]}
		with data.planguard.references as {}
}

# Written "default" is the same exposure; Trivy takes any non-empty name as set.
test_pool_naming_default_does_not_name_trivy if {
	findings := policy.deny with data.planguard.resources_by_type as {"google_container_node_pool": [planned_pool(
		{"node_config": [{"service_account": "default"}]},
		{},
		{"cluster": {"references": ["google_container_cluster.c.id", "google_container_cluster.c"]}, "node_config": [{"service_account": {"constant_value": "default"}}]},
	)], "google_container_cluster": [planned_cluster({"remove_default_node_pool": true}, {}, {"remove_default_node_pool": {"constant_value": true}})]}
		with data.planguard.references as refs_to_cluster
	t.assert_count(findings, 1)
	some f in findings
	f.resource == np
	not f.aliases
}

# ---- the cluster's default pool

test_default_pool_without_node_config_is_denied_and_names_trivy if {
	findings := policy.deny with data.planguard.resources_by_type as {"google_container_cluster": [planned_cluster(
		{"name": "c"},
		{"node_config": true},
		{"name": {"constant_value": "c"}, "initial_node_count": {"constant_value": 1}},
	)]}
		with data.planguard.referrers as {}
	t.assert_count(findings, 1)
	some f in findings
	f.attribute == "node_config.service_account"
	f.aliases == ["AVD-GCP-0050"]
}

test_removed_default_pool_is_not_judged if {
	t.assert_passes(policy.deny, cl) with data.planguard.resources_by_type as {"google_container_cluster": [planned_cluster(
		{"remove_default_node_pool": true},
		{"node_config": true},
		{"remove_default_node_pool": {"constant_value": true}},
	)]}
}

# Whether the default pool is removed is known only after apply: not decided.
test_default_pool_removal_known_after_apply_is_not_judged if {
	t.assert_passes(policy.deny, cl) with data.planguard.resources_by_type as {"google_container_cluster": [planned_cluster(
		{},
		{"node_config": true, "remove_default_node_pool": true},
		{"remove_default_node_pool": {"references": ["local.remove"]}},
	)]}
}

# The default pool with a dedicated account.
test_default_pool_with_its_own_account_passes if {
	t.assert_passes(policy.deny, cl) with data.planguard.resources_by_type as {"google_container_cluster": [planned_cluster(
		{"node_config": [{"service_account": "gke-nodes@p.iam.gserviceaccount.com"}]},
		{},
		{"node_config": [{"service_account": {"constant_value": "gke-nodes@p.iam.gserviceaccount.com"}}]},
	)]}
}

# ---- Autopilot and node auto-provisioning

autopilot(cluster_autoscaling_expr, cluster_autoscaling_after, mask) := planned_cluster(
	object.union({"enable_autopilot": true}, cluster_autoscaling_after),
	mask,
	object.union({"enable_autopilot": {"constant_value": true}}, cluster_autoscaling_expr),
)

test_autopilot_without_an_account_is_denied_and_names_trivy if {
	findings := policy.deny with data.planguard.resources_by_type as {"google_container_cluster": [autopilot({}, {}, {"cluster_autoscaling": true, "node_config": true})]}
	t.assert_count(findings, 1)
	some f in findings
	f.attribute == "cluster_autoscaling.auto_provisioning_defaults.service_account"
	f.aliases == ["AVD-GCP-0050"]
}

# The provider writes "default" into the plan for an account left out of a written block.
test_autopilot_account_left_out_of_the_defaults_block_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"google_container_cluster": [autopilot(
		{"cluster_autoscaling": [{"auto_provisioning_defaults": [{"oauth_scopes": {"constant_value": ["https://www.googleapis.com/auth/cloud-platform"]}}]}]},
		{"cluster_autoscaling": [{"auto_provisioning_defaults": [{"service_account": "default"}]}]},
		{},
	)]}
	t.assert_count(findings, 1)
	some f in findings
	f.attribute == "cluster_autoscaling.0.auto_provisioning_defaults.0.service_account"
	f.aliases == ["AVD-GCP-0050"]
}

test_autopilot_with_its_own_account_passes if {
	t.assert_passes(policy.deny, cl) with data.planguard.resources_by_type as {"google_container_cluster": [autopilot(
		{"cluster_autoscaling": [{"auto_provisioning_defaults": [{"service_account": {"references": ["google_service_account.nodes.email", "google_service_account.nodes"]}}]}]},
		{"cluster_autoscaling": [{"auto_provisioning_defaults": [{}]}]},
		{"cluster_autoscaling": [{"auto_provisioning_defaults": [{"service_account": true}]}], "node_config": true},
	)]}
}

# Node auto-provisioning on a standard cluster: the default pool is judged too,
# without Trivy's name (it reads only the auto-provisioning defaults then).
test_auto_provisioning_without_an_account_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"google_container_cluster": [planned_cluster(
		{"cluster_autoscaling": [{"enabled": true}]},
		{"node_config": true},
		{"cluster_autoscaling": [{"enabled": {"constant_value": true}}]},
	)]}
		with data.planguard.referrers as {}
	t.assert_count(findings, 2)
	t.assert_denied(findings, cl, "cluster_autoscaling.0.auto_provisioning_defaults.service_account")
	some f in findings
	f.attribute == "node_config.service_account"
	not f.aliases
}

# ---- inline node pools (no default pool then)

inline_cluster(pool_after, pool_mask, pool_expr) := planned_cluster(
	{"node_pool": [pool_after]},
	{"node_config": true, "node_pool": [pool_mask]},
	{"node_pool": [pool_expr]},
)

test_inline_pool_leaving_the_account_out_is_denied_and_names_trivy if {
	findings := policy.deny with data.planguard.resources_by_type as {"google_container_cluster": [inline_cluster(
		{"node_config": [{"machine_type": "e2-standard-4"}]},
		{"node_config": [{"service_account": true}]},
		{"node_config": [{"machine_type": {"constant_value": "e2-standard-4"}}]},
	)]}
		with data.planguard.referrers as {}
	t.assert_count(findings, 1)
	some f in findings
	f.attribute == "node_pool.0.node_config.0.service_account"
	f.aliases == ["AVD-GCP-0050"]
}

# Inline pools with their own account: no default pool to judge (Trivy fails
# the cluster's own node_config here: the deliberate difference).
test_inline_pools_with_their_own_account_pass if {
	t.assert_passes(policy.deny, cl) with data.planguard.resources_by_type as {"google_container_cluster": [inline_cluster(
		{"node_config": [{"machine_type": "e2-standard-4"}]},
		{"node_config": [{"service_account": true}]},
		{"node_config": [{"service_account": {"references": ["google_service_account.nodes.email", "google_service_account.nodes"]}}]},
	)]}
		with data.planguard.referrers as {}
}

test_inline_pool_without_node_config_is_denied if {
	t.assert_denied(policy.deny, cl, "node_pool.0.node_config.service_account") with data.planguard.resources_by_type as {"google_container_cluster": [inline_cluster(
		{"name": "pool"},
		{"node_config": true},
		{"name": {"constant_value": "pool"}},
	)]}
		with data.planguard.referrers as {}
}
