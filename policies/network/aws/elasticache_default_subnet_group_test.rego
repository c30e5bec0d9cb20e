package planguard.network.aws.elasticache_default_subnet_group_test

import data.planguard.lib.test as t
import data.planguard.network.aws.elasticache_default_subnet_group as policy

cluster := "aws_elasticache_cluster.sessions"

group := "aws_elasticache_replication_group.features"

resource(address, after, unknown_paths, expressions) := {split(address, ".")[0]: [{
	"address": address, "config_address": address, "type": split(address, ".")[0],
	"after": after, "unknown_paths": unknown_paths, "expressions": expressions,
}]}

test_default_subnet_group_is_denied if {
	t.assert_denied(policy.deny, cluster, "subnet_group_name") with data.planguard.resources_by_type as resource(cluster, {"engine": "memcached", "subnet_group_name": "default"}, [], {})
	t.assert_denied(policy.deny, group, "subnet_group_name") with data.planguard.resources_by_type as resource(group, {"engine": "redis", "subnet_group_name": ""}, [], {})
}

# The provider computes the attribute: left out it is unknown in the plan and takes the default subnet group.
test_left_out_is_denied if {
	t.assert_denied(policy.deny, cluster, "subnet_group_name") with data.planguard.resources_by_type as resource(cluster, {"engine": "memcached"}, ["subnet_group_name"], {"engine": {"constant_value": "memcached"}})
	t.assert_denied(policy.deny, group, "subnet_group_name") with data.planguard.resources_by_type as resource(group, {"engine": "redis"}, ["subnet_group_name"], {"engine": {"constant_value": "redis"}})
}

test_subnet_group_of_its_own_passes if {
	t.assert_passes(policy.deny, cluster) with data.planguard.resources_by_type as resource(cluster, {"engine": "memcached", "subnet_group_name": "cache-private"}, [], {})
}

test_subnet_group_by_reference_passes if {
	t.assert_passes(policy.deny, group) with data.planguard.resources_by_type as resource(group, {"engine": "redis"}, ["subnet_group_name"], {"subnet_group_name": {"references": ["aws_elasticache_subnet_group.private.name", "aws_elasticache_subnet_group.private"]}})
		with data.planguard.references as {group: [{"attribute": "subnet_group_name", "to": "aws_elasticache_subnet_group.private"}]}
}

test_set_but_unknown_is_not_judged if {
	t.assert_passes(policy.deny, group) with data.planguard.resources_by_type as resource(group, {"engine": "redis"}, ["subnet_group_name"], {"subnet_group_name": {"references": ["var.subnet_group"]}})
}

# A member cluster takes its replication group's subnets (Checkov's CKV_AWS_323 fails it anyway).
test_member_of_a_replication_group_is_not_judged if {
	t.assert_passes(policy.deny, cluster) with data.planguard.resources_by_type as resource(cluster, {"replication_group_id": "features"}, ["subnet_group_name"], {"replication_group_id": {"constant_value": "features"}})
	t.assert_passes(policy.deny, cluster) with data.planguard.resources_by_type as resource(cluster, {}, ["replication_group_id", "subnet_group_name"], {"replication_group_id": {"references": ["aws_elasticache_replication_group.features.id"]}})
}

# Checkov's CKV_AWS_323 fails a cache cluster that leaves subnet_group_name out,
# not one that writes "default", nor a replication group.
test_findings_name_checkov_where_it_fails_too if {
	left_out := policy.deny with data.planguard.resources_by_type as resource(cluster, {"engine": "memcached"}, ["subnet_group_name"], {"engine": {"constant_value": "memcached"}})
	[f.aliases | some f in left_out] == [["CKV_AWS_323"]]
	written := policy.deny with data.planguard.resources_by_type as resource(cluster, {"engine": "memcached", "subnet_group_name": "default"}, [], {})
	[f.aliases | some f in written] == [[]]
	grouped := policy.deny with data.planguard.resources_by_type as resource(group, {"engine": "redis"}, ["subnet_group_name"], {"engine": {"constant_value": "redis"}})
	[f.aliases | some f in grouped] == [[]]
}
