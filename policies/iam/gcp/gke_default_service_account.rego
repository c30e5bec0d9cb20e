# METADATA
# title: GKE nodes run as the Compute Engine default service account
# description: >-
#   Nodes whose service account is "default" (or the
#   PROJECT_NUMBER-compute@ account) give every pod that reaches the
#   metadata server the default account's usually Editor-level access to
#   the project. GPU training pools are a favourite target. A node
#   configuration that leaves `service_account` out (or has no
#   `node_config` block at all) runs as that account too, and so do
#   Autopilot and auto-provisioned nodes without
#   `cluster_autoscaling.auto_provisioning_defaults.service_account`.
#   A cluster's default pool is judged only while it exists (no
#   `remove_default_node_pool = true`, no inline `node_pool` blocks, not
#   Autopilot).
# custom:
#   id: PG-GCP-GKE-102
#   severity: medium
#   category: iam
#   providers: [google]
#   resource_types: [google_container_node_pool, google_container_cluster]
#   aliases: []
#   narrower: [AVD-GCP-0050]
#   defaults:
#     - google_container_node_pool node_config.service_account
#     - google_container_cluster node_config.service_account
#     - google_container_cluster node_pool.node_config.service_account
#     - google_container_cluster cluster_autoscaling.auto_provisioning_defaults.service_account
#   remediation: >-
#     Create a minimal node service account (roles/container.defaultNodeServiceAccount)
#     and set `node_config { service_account = google_service_account.<name>.email }`
#     (for Autopilot and node auto-provisioning,
#     `cluster_autoscaling { auto_provisioning_defaults { service_account = ... } }`);
#     give pods their own identities with Workload Identity.
package planguard.iam.gcp.gke_default_service_account

import data.planguard.lib

# A node pool resource. Trivy (AVD-GCP-0050) fails the account only when it
# is left out (an explicit "default" is a non-empty name to it), and only on
# a pool whose `cluster` refers to a cluster block of the configuration.
deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_node_pool
	some hit in default_nodes(r, [])
	finding := object.union(
		{
			"msg": sprintf("GKE node pool %s runs its nodes as the Compute Engine default service account%s.", [r.address, hit.how]),
			"resource": r.address,
			"attribute": hit.attribute,
		},
		lib.naming(trivy_names(hit.left_out, pool_of_cluster_block(r))),
	)
}

# The cluster's default node pool, while it will exist. Trivy skips it when
# node auto-provisioning is on, and reads the first separate pool's node
# config in its place when the cluster has one.
deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	default_pool_kept(r)
	some hit in default_nodes(r, [])
	finding := object.union(
		{
			"msg": sprintf("GKE cluster %s runs its default node pool as the Compute Engine default service account%s.", [r.address, hit.how]),
			"resource": r.address,
			"attribute": hit.attribute,
		},
		lib.naming(trivy_names(hit.left_out, trivy_reads_default_pool(r))),
	)
}

# Inline node_pool blocks (they replace the default pool). Trivy does not
# read them; it fails such a cluster when its own node_config leaves the
# account out, as if the default pool were kept: named on these findings.
deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	some p, _ in object.get(r.after, "node_pool", [])
	some hit in default_nodes(r, ["node_pool", p])
	finding := object.union(
		{
			"msg": sprintf("GKE cluster %s has a node pool running as the Compute Engine default service account%s.", [r.address, hit.how]),
			"resource": r.address,
			"attribute": hit.attribute,
		},
		lib.naming(trivy_names(trivy_fails_cluster_account(r), true)),
	)
}

# Autopilot and auto-provisioned nodes take the auto-provisioning defaults'
# account, the Compute Engine default one unless it is set.
deny contains finding if {
	some r in data.planguard.resources_by_type.google_container_cluster
	auto_provisioning(r)
	some hit in auto_provisioned_default(r)
	finding := object.union(
		{
			"msg": sprintf("GKE cluster %s runs its %s nodes as the Compute Engine default service account%s.", [r.address, auto_kind(r), hit.how]),
			"resource": r.address,
			"attribute": hit.attribute,
		},
		lib.naming(trivy_names(hit.left_out, true)),
	)
}

# The node_config of `base` (the resource itself, or an inline pool) that
# runs as the default account: {"attribute", "left_out", "how"}.
default_nodes(r, base) := {hit |
	some hit in account_hits(r, array.concat(base, ["node_config"]), "service_account")
}

auto_provisioned_default(r) := {hit |
	some i, _ in object.get(r.after, "cluster_autoscaling", [])
	some hit in account_hits(r, ["cluster_autoscaling", i, "auto_provisioning_defaults"], "service_account")
} | {hit |
	# No cluster_autoscaling block written at all.
	written(r, [])
	not written(r, ["cluster_autoscaling"])
	not planned_blocks(r, ["cluster_autoscaling"])
	hit := left_out_hit("cluster_autoscaling.auto_provisioning_defaults.service_account")
}

# The account of each `block` (a list of blocks at `path`) written out: named
# as the default account, or left to the provider's default ("default").
account_hits(r, path, attribute) := {hit |
	some i, _ in object.get(r.after, path, [])
	p := array.concat(path, [i, attribute])
	default_account(lib.effective(r, p))
	left_out := is_left_out(r, p)
	hit := {"attribute": lib.path_text(p), "left_out": left_out, "how": how(left_out)}
} | {hit |
	# No such block in the configuration, nor in the plan: the API's default.
	# The configuration leaves dynamic blocks out, but a dynamic block with a
	# for_each known at plan time puts its blocks in the plan; only one whose
	# for_each is itself unknown until apply would be taken as left out (a
	# single-block setting is rarely written that way: the one limit here).
	parent := array.slice(path, 0, count(path) - 1)
	written(r, parent)
	not written(r, path)
	not planned_blocks(r, path)
	hit := left_out_hit(concat(".", [lib.path_text(path), attribute]))
}

left_out_hit(attribute) := {"attribute": attribute, "left_out": true, "how": how(true)}

how(true) := " (service_account is left out)"

how(false) := ""

is_left_out(r, p) if lib.provider_default(r, p)

# The provider writes "default" into the plan for an auto-provisioning
# account left out of a written block: the configuration tells.
is_left_out(r, p) if {
	not lib.provider_default(r, p)
	is_object(r.expressions)
	written(r, array.slice(p, 0, count(p) - 1))
	not written(r, p)
}

default is_left_out(_, _) := false

# The configuration writes something at `path` (a block or an attribute);
# `[]` is the resource block itself. Needs the plan's configuration.
written(r, []) if is_object(r.expressions)

written(r, path) if {
	count(path) > 0
	is_object(r.expressions)
	object.get(r.expressions, path, null) != null
}

# The plan has blocks at `path` (known, not empty): written by a dynamic block.
planned_blocks(r, path) if {
	blocks := object.get(r.after, path, [])
	is_array(blocks)
	count(blocks) > 0
}

default_pool_kept(r) if {
	lib.effective(r, ["enable_autopilot"]) != true
	lib.effective(r, ["remove_default_node_pool"]) != true
	not written(r, ["node_pool"])
	count(object.get(r.after, "node_pool", [])) == 0
}

auto_provisioning(r) if lib.effective(r, ["enable_autopilot"]) == true

auto_provisioning(r) if {
	some a in object.get(r.after, "cluster_autoscaling", [])
	object.get(a, "enabled", null) == true
}

auto_kind(r) := "Autopilot" if lib.effective(r, ["enable_autopilot"]) == true

else := "auto-provisioned"

# AVD-GCP-0050 is named on a finding it raises too: an account left out
# (not one written as "default") where Trivy reads it.
trivy_names(true, true) := ["AVD-GCP-0050"]

default trivy_names(_, _) := []

trivy_reads_default_pool(r) if {
	not auto_provisioning(r)
	count(separate_pools(r)) == 0
}

default trivy_reads_default_pool(_) := false

# Trivy's reading of a cluster with inline pools: its node_config leaves the
# account out and the default pool is not removed.
trivy_fails_cluster_account(r) if {
	trivy_reads_default_pool(r)
	lib.effective(r, ["remove_default_node_pool"]) != true
	is_object(r.expressions)
	not written(r, ["node_config", 0, "service_account"])
}

default trivy_fails_cluster_account(_) := false

default pool_of_cluster_block(_) := false

# The separate node pool resources whose `cluster` refers to this cluster block.
separate_pools(r) := lib.referrers_of_type(r, "google_container_node_pool")

pool_of_cluster_block(r) := true if {
	some ref in data.planguard.references[r.config_address]
	ref.attribute == "cluster"
	some c in data.planguard.resources_by_type.google_container_cluster
	c.config_address == ref.to
}

default_account(sa) if sa == "default"

default_account(sa) if sa == ""

default_account(sa) if {
	is_string(sa)
	regex.match(`^[0-9]+-compute@developer\.gserviceaccount\.com$`, sa)
}
