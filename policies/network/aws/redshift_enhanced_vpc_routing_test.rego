package planguard.network.aws.redshift_enhanced_vpc_routing_test

import data.planguard.lib.test as t
import data.planguard.network.aws.redshift_enhanced_vpc_routing as policy

cluster := "aws_redshift_cluster.warehouse"

resource(after, unknown_paths, expressions) := {"aws_redshift_cluster": [{
	"address": cluster, "config_address": cluster, "type": "aws_redshift_cluster",
	"after": after, "unknown_paths": unknown_paths, "expressions": expressions,
}]}

test_routing_off_is_denied if {
	t.assert_denied(policy.deny, cluster, "enhanced_vpc_routing") with data.planguard.resources_by_type as resource({"enhanced_vpc_routing": false}, [], {})
}

# The provider computes the attribute: left out it is unknown in the plan and takes the default (off).
test_left_out_is_denied if {
	t.assert_denied(policy.deny, cluster, "enhanced_vpc_routing") with data.planguard.resources_by_type as resource({}, ["enhanced_vpc_routing"], {"node_type": {"constant_value": "ra3.xlplus"}})
}

test_routing_on_passes if {
	t.assert_passes(policy.deny, cluster) with data.planguard.resources_by_type as resource({"enhanced_vpc_routing": true}, [], {})
}

test_set_but_unknown_is_not_judged if {
	t.assert_passes(policy.deny, cluster) with data.planguard.resources_by_type as resource({}, ["enhanced_vpc_routing"], {"enhanced_vpc_routing": {"references": ["var.evr"]}})
}
