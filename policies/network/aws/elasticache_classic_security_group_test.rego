package planguard.network.aws.elasticache_classic_security_group_test

import data.planguard.lib.test as t
import data.planguard.network.aws.elasticache_classic_security_group as policy

group := "aws_elasticache_security_group.legacy"

test_classic_group_is_denied if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(group, {"name": "legacy", "security_group_names": ["default"]}, [])
	t.assert_denied(found, group, "name")
}

# Whatever the group holds, even values known only after apply, it is classic.
test_unknown_values_are_still_denied if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(group, {"name": "legacy"}, ["security_group_names"])
	t.assert_denied(found, group, "name")
}

test_vpc_security_group_passes if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource("aws_security_group.cache", {"name": "cache"}, [])
	t.assert_count(found, 0)
}
