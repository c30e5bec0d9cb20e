package planguard.encryption.aws.secretsmanager_secret_cmk_test

import data.planguard.encryption.aws.secretsmanager_secret_cmk as policy

secret(after, unknown) := {"aws_secretsmanager_secret": [{
	"address": "aws_secretsmanager_secret.hf_token",
	"config_address": "aws_secretsmanager_secret.hf_token",
	"type": "aws_secretsmanager_secret",
	"after": after,
	"unknown_paths": unknown,
}]}

test_default_key_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as secret({"name": "hf-token", "kms_key_id": null}, [])
	some f in findings
	f.resource == "aws_secretsmanager_secret.hf_token"
	f.attribute == "kms_key_id"
}

test_aws_managed_alias_is_denied if {
	count(policy.deny) == 1 with data.planguard.resources_by_type as secret({"kms_key_id": "alias/aws/secretsmanager"}, [])
}

test_customer_key_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as secret({"kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}, [])
}

test_unknown_key_is_not_denied if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as secret({"name": "hf-token"}, ["kms_key_id"])
}
