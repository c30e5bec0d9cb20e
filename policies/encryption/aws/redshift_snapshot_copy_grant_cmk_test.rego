package planguard.encryption.aws.redshift_snapshot_copy_grant_cmk_test

import data.planguard.encryption.aws.redshift_snapshot_copy_grant_cmk as policy
import data.planguard.lib.test as t

grant := "aws_redshift_snapshot_copy_grant.dr"

key := "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

resource(after, unknown_paths, expressions) := {"aws_redshift_snapshot_copy_grant": [{
	"address": grant, "config_address": grant, "type": "aws_redshift_snapshot_copy_grant",
	"after": object.union({"snapshot_copy_grant_name": "warehouse-dr"}, after),
	"unknown_paths": unknown_paths, "expressions": expressions,
}]}

test_no_key_is_denied if {
	t.assert_denied(policy.deny, grant, "kms_key_id") with data.planguard.resources_by_type as resource({"kms_key_id": ""}, [], {})
}

# Left out of the configuration: the destination region's AWS-managed key.
test_left_out_is_denied if {
	t.assert_denied(policy.deny, grant, "kms_key_id") with data.planguard.resources_by_type as resource({"kms_key_id": null}, [], {})
	t.assert_denied(policy.deny, grant, "kms_key_id") with data.planguard.resources_by_type as resource({}, ["kms_key_id"], {"snapshot_copy_grant_name": {"constant_value": "warehouse-dr"}})
}

test_key_named_passes if {
	t.assert_passes(policy.deny, grant) with data.planguard.resources_by_type as resource({"kms_key_id": key}, [], {})
}

test_key_by_reference_passes if {
	t.assert_passes(policy.deny, grant) with data.planguard.resources_by_type as resource({}, ["kms_key_id"], {"kms_key_id": {"references": ["aws_kms_key.dr.arn", "aws_kms_key.dr"]}})
		with data.planguard.references as {grant: [{"attribute": "kms_key_id", "to": "aws_kms_key.dr"}]}
}

test_set_but_unknown_is_not_judged if {
	t.assert_passes(policy.deny, grant) with data.planguard.resources_by_type as resource({}, ["kms_key_id"], {"kms_key_id": {"references": ["var.dr_key"]}})
}
