package planguard.encryption.aws.msk_in_transit_encryption_test

import data.planguard.encryption.aws.msk_in_transit_encryption as policy

cluster(transit, unknown) := {"aws_msk_cluster": [{
	"address": "aws_msk_cluster.events",
	"config_address": "aws_msk_cluster.events",
	"type": "aws_msk_cluster",
	"after": {"encryption_info": [{"encryption_in_transit": transit}]},
	"unknown_paths": unknown,
}]}

test_plaintext_clients_are_denied if {
	findings := policy.deny with data.planguard.resources_by_type as cluster([{"client_broker": "TLS_PLAINTEXT", "in_cluster": true}], [])
	count(findings) == 1
	some f in findings
	f.resource == "aws_msk_cluster.events"
	f.attribute == "encryption_info.0.encryption_in_transit.0.client_broker"
}

# Replication between brokers is PG-AWS-MSK-103's concern.
test_unencrypted_replication_alone_is_not_this_rule if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster([{"client_broker": "TLS", "in_cluster": false}], [])
}

test_plaintext_only_clients_are_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as cluster([{"client_broker": "PLAINTEXT"}], [])
}

test_tls_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster([{"client_broker": "TLS", "in_cluster": true}], [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster([{"in_cluster": true}], ["encryption_info.0.encryption_in_transit.0.client_broker"])
}

# Both other tools fail these clusters; MSK creates them with TLS-only clients.
test_left_out_passes_by_the_tls_default if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster([{"in_cluster": true}], [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as cluster([], [])
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_msk_cluster": [{
		"address": "aws_msk_cluster.events",
		"config_address": "aws_msk_cluster.events",
		"type": "aws_msk_cluster",
		"after": {"cluster_name": "events"},
		"unknown_paths": [],
	}]}
}
