package planguard.encryption.aws.dax_cluster_encrypted_test

import data.planguard.encryption.aws.dax_cluster_encrypted as policy

dax(after, unknown, expressions) := {"aws_dax_cluster": [{
	"address": "aws_dax_cluster.features",
	"config_address": "aws_dax_cluster.features",
	"type": "aws_dax_cluster",
	"after": object.union({"cluster_name": "features", "node_type": "dax.r5.large"}, after),
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

test_encryption_off_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as dax({"server_side_encryption": [{"enabled": false}]}, [], {})
	count(findings) == 1
	some f in findings
	f.attribute == "server_side_encryption.enabled"
}

test_block_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as dax({"server_side_encryption": []}, [], {})
}

# A provider that computes the block: left out, it is unknown in the plan and takes the default.
test_block_left_out_and_computed_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as dax({}, ["server_side_encryption"], {"cluster_name": {"constant_value": "features"}})
}

test_encryption_on_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as dax({"server_side_encryption": [{"enabled": true}]}, [], {})
}

test_enabled_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as dax({"server_side_encryption": [{}]}, ["server_side_encryption.0.enabled"], {"server_side_encryption": [{"enabled": {"references": ["var.encrypt"]}}]})
}
