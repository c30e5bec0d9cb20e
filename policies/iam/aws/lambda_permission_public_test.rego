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

# The check CKV_AWS_301 fails every principal "*"; the rule names it on each finding through its aliases.
test_star_with_source_arn_of_every_account_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as perm({"principal": "*", "source_arn": "arn:aws:execute-api:us-east-1:*:a1b2c3/*/POST/predict"}, [])
	count(findings) == 1
}

test_star_with_source_arn_of_every_bucket_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as perm({"principal": "*", "source_arn": "arn:aws:s3:::*"}, [])
	count(findings) == 1
}

# CKV_AWS_301 fails these (principal "*" whatever else is set): not exposures, the rule passes them on purpose.
test_star_with_source_arn_of_one_account_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as perm({"principal": "*", "source_arn": "arn:aws:execute-api:us-east-1:111122223333:a1b2c3/*/POST/predict"}, [])
}

test_star_with_source_arn_of_one_bucket_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as perm({"principal": "*", "source_arn": "arn:aws:s3:::ml-uploads"}, [])
}

test_star_with_source_account_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as perm({"principal": "*", "source_account": "111122223333"}, [])
}

test_star_with_empty_scope_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as perm({"principal": "*", "source_account": "", "principal_org_id": null, "source_arn": "not-an-arn"}, [])
	count(findings) == 1
}
