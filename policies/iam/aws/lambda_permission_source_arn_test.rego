package planguard.iam.aws.lambda_permission_source_arn_test

import data.planguard.iam.aws.lambda_permission_source_arn as policy

perm(after, unknown) := {"aws_lambda_permission": [{
	"address": "aws_lambda_permission.s3_invoke",
	"config_address": "aws_lambda_permission.s3_invoke",
	"type": "aws_lambda_permission",
	"after": object.union({"action": "lambda:InvokeFunction", "function_name": "preprocess"}, after),
	"unknown_paths": unknown,
}]}

test_service_without_source_arn_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as perm({"principal": "s3.amazonaws.com"}, [])
	some f in findings
	f.attribute == "source_arn"
	contains(f.msg, "s3.amazonaws.com")
}

# source_account narrows the account, not the resource: still denied, as Trivy does.
test_source_account_alone_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as perm({"principal": "s3.amazonaws.com", "source_account": "111122223333"}, [])
}

test_source_arn_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as perm({"principal": "events.amazonaws.com", "source_arn": "arn:aws:events:eu-west-1:111122223333:rule/nightly"}, [])
}

# A permission for an account or a role is PG-AWS-LAMBDA-102's matter.
test_account_principal_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as perm({"principal": "111122223333"}, [])
}

# The bucket is created in the same plan: its ARN is unknown but referenced.
test_source_arn_known_after_apply_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as perm({"principal": "s3.amazonaws.com"}, ["source_arn"])
	count(policy.deny) == 0 with data.planguard.resources_by_type as perm({"principal": "s3.amazonaws.com"}, [])
		with data.planguard.references as {"aws_lambda_permission.s3_invoke": [{"attribute": "source_arn", "to": "aws_s3_bucket.raw"}]}
}
