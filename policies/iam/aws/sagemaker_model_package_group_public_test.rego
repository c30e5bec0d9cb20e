package planguard.iam.aws.sagemaker_model_package_group_public_test

import data.planguard.iam.aws.sagemaker_model_package_group_public as policy

group_policy(doc, unknown) := {"aws_sagemaker_model_package_group_policy": [{
	"address": "aws_sagemaker_model_package_group_policy.fraud",
	"config_address": "aws_sagemaker_model_package_group_policy.fraud",
	"type": "aws_sagemaker_model_package_group_policy",
	"after": {"model_package_group_name": "fraud", "resource_policy": json.marshal(doc)},
	"unknown_paths": unknown,
}]}

test_everyone_is_denied if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": ["sagemaker:DescribeModelPackage"], "Resource": "*"}]}
	findings := policy.deny with data.planguard.resources_by_type as group_policy(doc, [])
	some f in findings
	f.resource == "aws_sagemaker_model_package_group_policy.fraud"
	f.attribute == "resource_policy"
}

test_named_account_passes if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sagemaker:DescribeModelPackage", "Resource": "*"}]}
	count(policy.deny) == 0 with data.planguard.resources_by_type as group_policy(doc, [])
}

test_org_condition_passes if {
	doc := {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "sagemaker:DescribeModelPackage", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}}
	count(policy.deny) == 0 with data.planguard.resources_by_type as group_policy(doc, [])
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as {"aws_sagemaker_model_package_group_policy": [{
		"address": "aws_sagemaker_model_package_group_policy.fraud", "config_address": "aws_sagemaker_model_package_group_policy.fraud",
		"type": "aws_sagemaker_model_package_group_policy", "after": {}, "unknown_paths": ["resource_policy"],
	}]}
}

conditioned(condition) := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sagemaker:DescribeModelPackage", "Resource": "*", "Condition": condition}]}

# aws:SecureTransport says how the request is made, not who makes it.
test_secure_transport_condition_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as group_policy(conditioned({"Bool": {"aws:SecureTransport": "true"}}), [])
	count(findings) == 1
}

# An ...IfExists test passes when the key is absent, as it is for an outside account.
test_if_exists_org_condition_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as group_policy(conditioned({"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-abc123"}}), [])
	count(findings) == 1
}

test_account_condition_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as group_policy(conditioned({"StringEquals": {"aws:PrincipalAccount": "444455556666"}}), [])
}

test_not_principal_is_denied if {
	doc := {"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sagemaker:DescribeModelPackage", "Resource": "*"}]}
	findings := policy.deny with data.planguard.resources_by_type as group_policy(doc, [])
	count(findings) == 1
}
