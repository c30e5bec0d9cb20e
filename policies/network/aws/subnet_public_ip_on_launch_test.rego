package planguard.network.aws.subnet_public_ip_on_launch_test

import data.planguard.network.aws.subnet_public_ip_on_launch as policy

subnet(after, unknown) := {"aws_subnet": [{
	"address": "aws_subnet.public[0]",
	"config_address": "aws_subnet.public",
	"type": "aws_subnet",
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_ip_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as subnet({"map_public_ip_on_launch": true}, [])
	some f in findings
	f.resource == "aws_subnet.public[0]"
	f.attribute == "map_public_ip_on_launch"
}

test_private_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({"map_public_ip_on_launch": false}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as subnet({}, ["map_public_ip_on_launch"])
}
