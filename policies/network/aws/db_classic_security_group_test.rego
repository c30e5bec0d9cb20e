package planguard.network.aws.db_classic_security_group_test

import data.planguard.lib.test as t
import data.planguard.network.aws.db_classic_security_group as policy

group := "aws_db_security_group.legacy"

test_classic_group_is_denied if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(group, {"name": "legacy", "ingress": [{"cidr": "10.0.0.0/16"}]}, [])
	t.assert_denied(found, group, "name")
}

# Whatever the group holds, even values known only after apply, it is classic.
test_unknown_values_are_still_denied if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(group, {"name": "legacy"}, ["ingress"])
	t.assert_denied(found, group, "name")
}

test_vpc_security_group_passes if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource("aws_security_group.db", {"name": "db"}, [])
	t.assert_count(found, 0)
}
