package planguard.network.aws.redshift_cluster_not_in_vpc_test

import data.planguard.lib.test as t
import data.planguard.network.aws.redshift_cluster_not_in_vpc as policy

cluster := "aws_redshift_cluster.warehouse"

# The cluster, with the configuration's expressions (which attributes the author wrote).
resource(after, unknown_paths, expressions) := {"aws_redshift_cluster": [{
	"address": cluster, "config_address": cluster, "type": "aws_redshift_cluster",
	"after": after, "unknown_paths": unknown_paths, "expressions": expressions,
}]}

test_empty_subnet_group_is_denied if {
	t.assert_denied(policy.deny, cluster, "cluster_subnet_group_name") with data.planguard.resources_by_type as resource({"cluster_subnet_group_name": ""}, [], {})
}

# The provider computes the attribute: left out of the configuration it is unknown
# in the plan, and takes the default (no subnet group of the author's).
test_left_out_is_denied if {
	t.assert_denied(policy.deny, cluster, "cluster_subnet_group_name") with data.planguard.resources_by_type as resource({}, ["cluster_subnet_group_name"], {"node_type": {"constant_value": "ra3.xlplus"}})
}

test_subnet_group_named_passes if {
	t.assert_passes(policy.deny, cluster) with data.planguard.resources_by_type as resource({"cluster_subnet_group_name": "warehouse-private"}, [], {})
}

# Written as a reference to an aws_redshift_subnet_group created in the same plan.
test_subnet_group_by_reference_passes if {
	t.assert_passes(policy.deny, cluster) with data.planguard.resources_by_type as resource({}, ["cluster_subnet_group_name"], {"cluster_subnet_group_name": {"references": ["aws_redshift_subnet_group.private.name"]}})
		with data.planguard.references as {cluster: [{"attribute": "cluster_subnet_group_name", "to": "aws_redshift_subnet_group.private"}]}
}

# Set by the author to a value known only after apply (a variable of a module, say).
test_set_but_unknown_is_not_judged if {
	t.assert_passes(policy.deny, cluster) with data.planguard.resources_by_type as resource({}, ["cluster_subnet_group_name"], {"cluster_subnet_group_name": {"references": ["var.subnet_group"]}})
}
