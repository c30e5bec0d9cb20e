package planguard.network.aws.opensearch_domain_not_in_vpc_test

import data.planguard.network.aws.opensearch_domain_not_in_vpc as policy

domain(after, unknown) := {"aws_opensearch_domain": [{
	"address": "aws_opensearch_domain.vectors",
	"config_address": "aws_opensearch_domain.vectors",
	"type": "aws_opensearch_domain",
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_domain_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as domain({"domain_name": "vectors", "vpc_options": []}, [])
	some f in findings
	f.resource == "aws_opensearch_domain.vectors"
	f.attribute == "vpc_options"
}

test_vpc_domain_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({"vpc_options": [{"subnet_ids": ["subnet-1", "subnet-2"], "security_group_ids": ["sg-1"]}]}, [])
}

test_subnets_known_after_apply_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({"vpc_options": [{}]}, ["vpc_options.0.subnet_ids"])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({}, ["vpc_options"])
}
