package planguard.iam.aws.elasticache_authentication_test

import data.planguard.iam.aws.elasticache_authentication as policy
import data.planguard.lib.test as t

group := "aws_elasticache_replication_group.features"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(group, object.union({"engine": "redis"}, after), unknown_paths)
}

test_no_token_nor_user_groups_is_denied if {
	t.assert_denied(findings({"transit_encryption_enabled": true, "auth_token": null, "user_group_ids": []}, []), group, "auth_token")
	t.assert_denied(findings({"transit_encryption_enabled": true}, []), group, "auth_token")
}

test_transit_encryption_off_is_denied if {
	found := findings({"transit_encryption_enabled": false, "auth_token": null}, [])
	t.assert_denied(found, group, "transit_encryption_enabled")
	t.assert_count(found, 1)
	t.assert_denied(findings({}, []), group, "transit_encryption_enabled")
}

# planguard replaces the sensitive token with a marker before any policy sees it.
test_auth_token_passes if {
	t.assert_passes(findings({"transit_encryption_enabled": true, "auth_token": "(sensitive value)"}, []), group)
}

test_rbac_user_groups_pass if {
	t.assert_passes(findings({"transit_encryption_enabled": true, "user_group_ids": ["ml-readers"]}, []), group)
}

# A token generated in the same apply (random_password) is known only after it.
test_token_known_after_apply_is_not_judged if {
	t.assert_passes(findings({"transit_encryption_enabled": true}, ["auth_token"]), group)
}

test_transit_encryption_known_after_apply_is_not_judged if {
	t.assert_passes(findings({}, ["transit_encryption_enabled"]), group)
}
