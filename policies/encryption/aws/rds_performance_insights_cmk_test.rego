package planguard.encryption.aws.rds_performance_insights_cmk_test

import data.planguard.encryption.aws.rds_performance_insights_cmk as policy

db(type, after, unknown, expressions) := {type: [{
	"address": sprintf("%s.db", [type]),
	"config_address": sprintf("%s.db", [type]),
	"type": type,
	"after": object.union({"engine": "postgres", "performance_insights_enabled": true}, after),
	"unknown_paths": unknown,
	"expressions": expressions,
}]}

test_no_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as db("aws_db_instance", {"performance_insights_kms_key_id": ""}, [], {})
	count(findings) == 1
	some f in findings
	f.attribute == "performance_insights_kms_key_id"
}

# The provider computes the key: left out, it is unknown in the plan and takes the default (aws/rds).
test_key_left_out_takes_the_default_and_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as db("aws_rds_cluster_instance", {}, ["performance_insights_kms_key_id"], {"performance_insights_enabled": {"constant_value": true}})
}

test_customer_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as db("aws_db_instance", {"performance_insights_kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}, [], {})
}

test_performance_insights_off_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as db("aws_db_instance", {"performance_insights_enabled": false, "performance_insights_kms_key_id": ""}, [], {})
}

test_key_set_but_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as db("aws_db_instance", {}, ["performance_insights_kms_key_id"], {"performance_insights_kms_key_id": {"references": ["var.pi_key"]}})
}
