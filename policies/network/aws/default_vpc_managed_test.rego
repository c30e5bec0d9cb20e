package planguard.network.aws.default_vpc_managed_test

import data.planguard.network.aws.default_vpc_managed as policy

default_vpc(after, unknown) := {"address": "aws_default_vpc.this", "type": "aws_default_vpc", "after": after, "unknown_paths": unknown}

test_default_vpc_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as {"aws_default_vpc": [default_vpc({"enable_dns_hostnames": true, "tags": {"Name": "default"}}, [])]}
	count(findings) == 1
	some f in findings
	f.resource == "aws_default_vpc.this"
}

test_own_vpc_passes if {
	vpc := {"address": "aws_vpc.ml", "type": "aws_vpc", "after": {"cidr_block": "10.20.0.0/16"}, "unknown_paths": []}
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_vpc": [vpc]}
}

# Its attributes are read from the existing default VPC at apply time, but the
# block itself is what the rule judges: still denied.
test_attributes_known_after_apply_are_still_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as {"aws_default_vpc": [default_vpc({}, ["id", "cidr_block", "arn"])]}
}
