package planguard.encryption.aws.docdb_cluster_encrypted_test

import data.planguard.encryption.aws.docdb_cluster_encrypted as policy

cluster(after, unknown) := {"aws_docdb_cluster": [{
	"address": "aws_docdb_cluster.meta",
	"config_address": "aws_docdb_cluster.meta",
	"type": "aws_docdb_cluster",
	"after": after,
	"unknown_paths": unknown,
}]}

test_unencrypted_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster({"storage_encrypted": false}, [])
	some f in findings
	f.resource == "aws_docdb_cluster.meta"
	f.attribute == "storage_encrypted"
}

test_encrypted_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({"storage_encrypted": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster({}, ["storage_encrypted"])
}
