package planguard.encryption.aws.rds_global_cluster_encrypted_test

import data.planguard.encryption.aws.rds_global_cluster_encrypted as policy

global(after, unknown, expressions) := {"aws_rds_global_cluster": [{
	"address": "aws_rds_global_cluster.features",
	"config_address": "aws_rds_global_cluster.features",
	"type": "aws_rds_global_cluster",
	"after": object.union({"global_cluster_identifier": "features", "engine": "aurora-postgresql"}, after),
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

test_unencrypted_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as global({"storage_encrypted": false}, [], {})
	count(findings) == 1
	some f in findings
	f.attribute == "storage_encrypted"
}

# The provider computes it: left out, it is unknown in the plan and takes the default (false).
test_left_out_takes_the_default_and_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as global({}, ["storage_encrypted"], {"engine": {"constant_value": "aurora-postgresql"}})
}

test_encrypted_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as global({"storage_encrypted": true}, [], {})
}

test_built_from_a_source_cluster_is_not_judged if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as global({}, ["storage_encrypted", "source_db_cluster_identifier"], {"source_db_cluster_identifier": {"references": ["aws_rds_cluster.primary.arn", "aws_rds_cluster.primary"]}})
}

test_set_but_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as global({}, ["storage_encrypted"], {"storage_encrypted": {"references": ["var.encrypt"]}})
}
