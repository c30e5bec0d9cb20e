package planguard.network.aws.dms_replication_instance_public_test

import data.planguard.network.aws.dms_replication_instance_public as policy

inst(after, unknown) := {"aws_dms_replication_instance": [{
	"address": "aws_dms_replication_instance.migrate",
	"config_address": "aws_dms_replication_instance.migrate",
	"type": "aws_dms_replication_instance",
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as inst({"publicly_accessible": true}, [])
	some f in findings
	f.resource == "aws_dms_replication_instance.migrate"
	f.attribute == "publicly_accessible"
}

test_private_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as inst({"publicly_accessible": false}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as inst({}, ["publicly_accessible"])
}
