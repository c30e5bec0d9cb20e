package planguard.encryption.aws.cloudwatch_log_group_kms_test

import data.planguard.encryption.aws.cloudwatch_log_group_kms as policy

lg(after, unknown) := {"aws_cloudwatch_log_group": [{
	"address": "aws_cloudwatch_log_group.training",
	"config_address": "aws_cloudwatch_log_group.training",
	"type": "aws_cloudwatch_log_group",
	"after": after,
	"unknown_paths": unknown,
}]}

test_no_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as lg({"name": "/aws/sagemaker/TrainingJobs", "kms_key_id": null}, [])
	some f in findings
	f.resource == "aws_cloudwatch_log_group.training"
	f.attribute == "kms_key_id"
}

test_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as lg({"kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}, [])
}

test_key_by_reference_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as lg({}, ["kms_key_id"])
		with data.planguard.references as {"aws_cloudwatch_log_group.training": [{"attribute": "kms_key_id", "to": "aws_kms_key.logs"}]}
}

test_unknown_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as lg({}, ["kms_key_id"])
}
