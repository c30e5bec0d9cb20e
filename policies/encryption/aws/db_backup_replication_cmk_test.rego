package planguard.encryption.aws.db_backup_replication_cmk_test

import data.planguard.encryption.aws.db_backup_replication_cmk as policy
import data.planguard.lib.test as t

copy := "aws_db_instance_automated_backups_replication.dr"

key := "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

resource(after, unknown_paths, expressions) := {"aws_db_instance_automated_backups_replication": [{
	"address": copy, "config_address": copy, "type": "aws_db_instance_automated_backups_replication",
	"after": object.union({"source_db_instance_arn": "arn:aws:rds:us-east-1:111122223333:db:tracking"}, after),
	"unknown_paths": unknown_paths, "expressions": expressions,
}]}

test_no_key_is_denied if {
	t.assert_denied(policy.deny, copy, "kms_key_id") with data.planguard.resources_by_type as resource({"kms_key_id": ""}, [], {})
}

# Left out of the configuration: the destination region's AWS-managed key.
test_left_out_is_denied if {
	t.assert_denied(policy.deny, copy, "kms_key_id") with data.planguard.resources_by_type as resource({"kms_key_id": null}, [], {})
	t.assert_denied(policy.deny, copy, "kms_key_id") with data.planguard.resources_by_type as resource({}, ["kms_key_id"], {"retention_period": {"constant_value": 7}})
}

test_key_named_passes if {
	t.assert_passes(policy.deny, copy) with data.planguard.resources_by_type as resource({"kms_key_id": key}, [], {})
}

test_key_by_reference_passes if {
	t.assert_passes(policy.deny, copy) with data.planguard.resources_by_type as resource({}, ["kms_key_id"], {"kms_key_id": {"references": ["aws_kms_key.dr.arn", "aws_kms_key.dr"]}})
		with data.planguard.references as {copy: [{"attribute": "kms_key_id", "to": "aws_kms_key.dr"}]}
}

test_set_but_unknown_is_not_judged if {
	t.assert_passes(policy.deny, copy) with data.planguard.resources_by_type as resource({}, ["kms_key_id"], {"kms_key_id": {"references": ["var.dr_key"]}})
}
