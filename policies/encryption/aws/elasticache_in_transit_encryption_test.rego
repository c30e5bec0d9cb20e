package planguard.encryption.aws.elasticache_in_transit_encryption_test

import data.planguard.encryption.aws.elasticache_in_transit_encryption as policy

rg(after, unknown) := {"aws_elasticache_replication_group": [{
	"address": "aws_elasticache_replication_group.cache",
	"config_address": "aws_elasticache_replication_group.cache",
	"type": "aws_elasticache_replication_group",
	"after": after,
	"unknown_paths": unknown,
}]}

test_disabled_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as rg({"transit_encryption_enabled": false}, [])
	some f in findings
	f.attribute == "transit_encryption_enabled"
}

test_enabled_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rg({"transit_encryption_enabled": true}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as rg({}, ["transit_encryption_enabled"])
}
