package planguard.encryption.aws.elasticache_replication_group_cmk_test

import data.planguard.encryption.aws.elasticache_replication_group_cmk as policy
import data.planguard.lib.test as t

group := "aws_elasticache_replication_group.features"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

resource(after, unknown_paths, expressions) := {"aws_elasticache_replication_group": [{
	"address": group, "config_address": group, "type": "aws_elasticache_replication_group",
	"after": object.union({"engine": "redis", "at_rest_encryption_enabled": true}, after),
	"unknown_paths": unknown_paths, "expressions": expressions,
}]}

test_no_key_is_denied if {
	t.assert_denied(policy.deny, group, "kms_key_id") with data.planguard.resources_by_type as resource({"kms_key_id": null}, [], {})
	t.assert_denied(policy.deny, group, "kms_key_id") with data.planguard.resources_by_type as resource({"kms_key_id": ""}, [], {})
}

# Left out of the configuration: no key of the author's (the AWS-managed one, or none).
test_left_out_is_denied if {
	t.assert_denied(policy.deny, group, "kms_key_id") with data.planguard.resources_by_type as resource({}, [], {})
	t.assert_denied(policy.deny, group, "kms_key_id") with data.planguard.resources_by_type as resource({}, ["kms_key_id"], {"engine": {"constant_value": "redis"}})
}

test_key_named_passes if {
	t.assert_passes(policy.deny, group) with data.planguard.resources_by_type as resource({"kms_key_id": key}, [], {})
}

test_key_by_reference_passes if {
	t.assert_passes(policy.deny, group) with data.planguard.resources_by_type as resource({}, ["kms_key_id"], {"kms_key_id": {"references": ["aws_kms_key.cache.arn", "aws_kms_key.cache"]}})
		with data.planguard.references as {group: [{"attribute": "kms_key_id", "to": "aws_kms_key.cache"}]}
}

test_set_but_unknown_is_not_judged if {
	t.assert_passes(policy.deny, group) with data.planguard.resources_by_type as resource({}, ["kms_key_id"], {"kms_key_id": {"references": ["var.cache_key"]}})
}
