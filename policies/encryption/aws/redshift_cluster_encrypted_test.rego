package planguard.encryption.aws.redshift_cluster_encrypted_test

import data.planguard.encryption.aws.redshift_cluster_encrypted as policy

cluster(after, unknown) := {"aws_redshift_cluster": [{
	"address": "aws_redshift_cluster.warehouse",
	"config_address": "aws_redshift_cluster.warehouse",
	"type": "aws_redshift_cluster",
	"after": after,
	"unknown_paths": unknown,
}]}

test_unencrypted_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"encrypted": false}, [])
	some f in findings
	f.resource == "aws_redshift_cluster.warehouse"
	f.attribute == "encrypted"
}

test_encrypted_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"encrypted": true}, [])
}

test_string_true_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"encrypted": "true"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({}, ["encrypted"])
}
