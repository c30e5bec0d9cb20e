package planguard.encryption.aws.dax_endpoint_tls_test

import data.planguard.encryption.aws.dax_endpoint_tls as policy

dax(after, unknown) := {"aws_dax_cluster": [{
	"address": "aws_dax_cluster.features",
	"config_address": "aws_dax_cluster.features",
	"type": "aws_dax_cluster",
	"after": object.union({"cluster_name": "features"}, after),
	"unknown_paths": unknown,
}]}

test_no_tls_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as dax({"cluster_endpoint_encryption_type": "NONE"}, [])
	count(findings) == 1
	some f in findings
	f.attribute == "cluster_endpoint_encryption_type"
}

test_left_out_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as dax({}, [])
}

test_tls_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as dax({"cluster_endpoint_encryption_type": "TLS"}, [])
}

test_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as dax({}, ["cluster_endpoint_encryption_type"])
}
