package planguard.encryption.aws.neptune_cluster_encrypted_test

import data.planguard.encryption.aws.neptune_cluster_encrypted as policy

cluster(after, unknown) := {"aws_neptune_cluster": [{
	"address": "aws_neptune_cluster.graph",
	"config_address": "aws_neptune_cluster.graph",
	"type": "aws_neptune_cluster",
	"after": after,
	"unknown_paths": unknown,
}]}

test_unencrypted_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"storage_encrypted": false}, [])
	some f in findings
	f.resource == "aws_neptune_cluster.graph"
	f.attribute == "storage_encrypted"
}

test_encrypted_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"storage_encrypted": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({}, ["storage_encrypted"])
}
