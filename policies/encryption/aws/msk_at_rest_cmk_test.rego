package planguard.encryption.aws.msk_at_rest_cmk_test

import data.planguard.encryption.aws.msk_at_rest_cmk as policy
import data.planguard.lib.test as t

address := "aws_msk_cluster.events"

key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

cluster(after, unknown, expressions) := {"aws_msk_cluster": [{
	"address": address,
	"config_address": address,
	"type": "aws_msk_cluster",
	"after": object.union({"cluster_name": "events"}, after),
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

test_without_encryption_info_is_denied if {
	t.assert_denied(policy.deny, address, "encryption_info") with data.planguard.resources_by_type as cluster({"encryption_info": []}, [], {})
	t.assert_denied(policy.deny, address, "encryption_info") with data.planguard.resources_by_type as cluster({}, [], {})
}

test_key_left_out_of_the_block_is_denied if {
	t.assert_denied(policy.deny, address, "encryption_info.0.encryption_at_rest_kms_key_arn") with data.planguard.resources_by_type as cluster({"encryption_info": [{"encryption_in_transit": [{"client_broker": "TLS"}]}]}, [], {})
}

# The provider computes the key: left out of the configuration it is unknown
# in the plan, and takes the default (the AWS-managed key).
test_key_left_out_and_computed_takes_the_default_and_is_denied if {
	after := {"encryption_info": [{"encryption_at_rest_kms_key_arn": null}]}
	expressions := {"encryption_info": [{"encryption_in_transit": [{"client_broker": {"constant_value": "TLS"}}]}]}
	t.assert_denied(policy.deny, address, "encryption_info.0.encryption_at_rest_kms_key_arn") with data.planguard.resources_by_type as cluster(after, ["encryption_info.0.encryption_at_rest_kms_key_arn"], expressions)
}

test_customer_managed_key_passes if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as cluster({"encryption_info": [{"encryption_at_rest_kms_key_arn": key}]}, [], {})
}

test_key_set_but_unknown_is_not_denied if {
	after := {"encryption_info": [{"encryption_at_rest_kms_key_arn": null}]}
	expressions := {"encryption_info": [{"encryption_at_rest_kms_key_arn": {"references": ["var.key_arn"]}}]}
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as cluster(after, ["encryption_info.0.encryption_at_rest_kms_key_arn"], expressions)
}

test_key_by_reference_passes if {
	after := {"encryption_info": [{"encryption_at_rest_kms_key_arn": null}]}
	expressions := {"encryption_info": [{"encryption_at_rest_kms_key_arn": {"references": ["aws_kms_key.kafka.arn", "aws_kms_key.kafka"]}}]}
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as cluster(after, ["encryption_info.0.encryption_at_rest_kms_key_arn"], expressions)
		with data.planguard.references as {address: [{"attribute": "encryption_info.encryption_at_rest_kms_key_arn", "to": "aws_kms_key.kafka"}]}
}

test_encryption_info_unknown_is_not_denied if {
	t.assert_passes(policy.deny, address) with data.planguard.resources_by_type as cluster({}, ["encryption_info"], {})
}
