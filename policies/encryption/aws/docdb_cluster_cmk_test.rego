package planguard.encryption.aws.docdb_cluster_cmk_test

import data.planguard.encryption.aws.docdb_cluster_cmk as policy
import data.planguard.lib.test as t

address := "aws_docdb_cluster.meta"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

cluster(after, unknown, expressions) := {"aws_docdb_cluster": [{
	"address": address,
	"config_address": address,
	"type": "aws_docdb_cluster",
	"after": object.union({"storage_encrypted": true}, after),
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

test_no_key_is_denied if {
	t.assert_denied(policy.deny, address, "kms_key_id") with data.planguard.resources_by_type as cluster({"kms_key_id": null}, [], {})
	t.assert_denied(policy.deny, address, "kms_key_id") with data.planguard.resources_by_type as cluster({"kms_key_id": ""}, [], {})
}

test_key_passes if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as cluster({"kms_key_id": key}, [], {})
}

# The provider computes kms_key_id: left out of the configuration it is
# unknown in the plan and takes the default, the AWS-managed key.
test_left_out_takes_the_default_and_is_denied if {
	t.assert_denied(policy.deny, address, "kms_key_id") with data.planguard.resources_by_type as cluster({}, ["kms_key_id"], {"engine": {"constant_value": "docdb"}})
}

test_set_but_unknown_is_not_denied if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as cluster({}, ["kms_key_id"], {"kms_key_id": {"references": ["var.key_arn"]}})
}

test_key_by_reference_passes if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as cluster({}, ["kms_key_id"], {"kms_key_id": {"references": ["aws_kms_key.docs.arn", "aws_kms_key.docs"]}})
		with data.planguard.references as {address: [{"attribute": "kms_key_id", "to": "aws_kms_key.docs"}]}
}
