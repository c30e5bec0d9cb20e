package planguard.iam.aws.lambda_permission_public_test

import data.planguard.iam.aws.lambda_permission_public as policy

perm(after, unknown) := {"aws_lambda_permission": [{
	"address": "aws_lambda_permission.open",
	"config_address": "aws_lambda_permission.open",
	"type": "aws_lambda_permission",
	"after": after,
	"unknown_paths": unknown,
}]}

test_star_without_scope_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as perm({"action": "lambda:InvokeFunction", "principal": "*", "source_arn": null}, [])
	some f in findings
	f.resource == "aws_lambda_permission.open"
	f.attribute == "principal"
}

test_service_principal_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as perm({"principal": "s3.amazonaws.com", "source_arn": "arn:aws:s3:::uploads"}, [])
}

test_star_with_org_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as perm({"principal": "*", "principal_org_id": "o-abc123"}, [])
}

test_star_with_source_arn_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as perm({"principal": "*"}, ["source_arn"])
}

test_unknown_principal_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as perm({}, ["principal"])
}
