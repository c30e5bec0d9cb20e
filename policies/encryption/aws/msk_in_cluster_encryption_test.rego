package planguard.encryption.aws.msk_in_cluster_encryption_test

import data.planguard.encryption.aws.msk_in_cluster_encryption as policy

cluster(transit, unknown) := {"aws_msk_cluster": [{
	"address": "aws_msk_cluster.events",
	"config_address": "aws_msk_cluster.events",
	"type": "aws_msk_cluster",
	"after": {"encryption_info": [{"encryption_in_transit": transit}]},
	"unknown_paths": unknown,
}]}

test_unencrypted_replication_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster([{"client_broker": "TLS", "in_cluster": false}], [])
	count(findings) == 1
	some f in findings
	f.attribute == "encryption_info.0.encryption_in_transit.0.in_cluster"
}

test_encrypted_replication_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster([{"client_broker": "TLS", "in_cluster": true}], [])
}

# Left out: the provider's default, true.
test_left_out_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster([], [])
}

test_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster([{"client_broker": "TLS"}], ["encryption_info.0.encryption_in_transit.0.in_cluster"])
}
