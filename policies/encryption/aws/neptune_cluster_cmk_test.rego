package planguard.encryption.aws.neptune_cluster_cmk_test

import data.planguard.encryption.aws.neptune_cluster_cmk as policy
import data.planguard.lib.test as t

address := "aws_neptune_cluster.graph"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

cluster(after, unknown, expressions) := {"aws_neptune_cluster": [{
	"address": address,
	"config_address": address,
	"type": "aws_neptune_cluster",
	"after": object.union({"storage_encrypted": true}, after),
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

test_no_key_is_denied if {
	t.assert_denied(policy.deny, address, "kms_key_arn") with data.planguard.resources_by_type as cluster({"kms_key_arn": null}, [], {})
	t.assert_denied(policy.deny, address, "kms_key_arn") with data.planguard.resources_by_type as cluster({"kms_key_arn": ""}, [], {})
}

test_key_passes if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as cluster({"kms_key_arn": key}, [], {})
}

# The provider computes kms_key_arn: left out of the configuration it is
# unknown in the plan and takes the default, the AWS-managed key.
test_left_out_takes_the_default_and_is_denied if {
	t.assert_denied(policy.deny, address, "kms_key_arn") with data.planguard.resources_by_type as cluster({}, ["kms_key_arn"], {"engine": {"constant_value": "neptune"}})
}

test_set_but_unknown_is_not_denied if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as cluster({}, ["kms_key_arn"], {"kms_key_arn": {"references": ["var.key_arn"]}})
}

test_key_by_reference_passes if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as cluster({}, ["kms_key_arn"], {"kms_key_arn": {"references": ["aws_kms_key.graph.arn", "aws_kms_key.graph"]}})
		with data.planguard.references as {address: [{"attribute": "kms_key_arn", "to": "aws_kms_key.graph"}]}
}
