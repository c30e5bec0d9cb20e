package planguard.network.aws.sagemaker_domain_public_internet_test

import data.planguard.network.aws.sagemaker_domain_public_internet as policy

domain(after, unknown) := {"aws_sagemaker_domain": [{
	"address": "aws_sagemaker_domain.studio",
	"config_address": "aws_sagemaker_domain.studio",
	"type": "aws_sagemaker_domain",
	"after": after,
	"unknown_paths": unknown,
}]}

test_public_internet_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as domain({"app_network_access_type": "PublicInternetOnly"}, [])
	some f in findings
	f.resource == "aws_sagemaker_domain.studio"
	f.attribute == "app_network_access_type"
}

test_vpc_only_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({"app_network_access_type": "VpcOnly"}, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as domain({}, ["app_network_access_type"])
}
