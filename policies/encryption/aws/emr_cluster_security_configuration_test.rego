package planguard.encryption.aws.emr_cluster_security_configuration_test

import data.planguard.encryption.aws.emr_cluster_security_configuration as policy

cluster(after, unknown) := {"aws_emr_cluster": [{
	"address": "aws_emr_cluster.etl",
	"config_address": "aws_emr_cluster.etl",
	"type": "aws_emr_cluster",
	"after": object.union({"name": "etl", "release_label": "emr-7.2.0"}, after),
	"unknown_paths": unknown,
}]}

test_no_security_configuration_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"security_configuration": null}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "security_configuration"
}

test_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as cluster({}, [])
}

test_named_configuration_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"security_configuration": "etl-encryption"}, [])
}

test_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({}, ["security_configuration"])
}

test_configuration_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"security_configuration": null}, [])
		with data.planguard.references as {"aws_emr_cluster.etl": [{"attribute": "security_configuration", "to": "aws_emr_security_configuration.etl"}]}
}
