package planguard.iam.aws.secretsmanager_secret_rotation_test

import data.planguard.iam.aws.secretsmanager_secret_rotation as policy

secret(unknown) := {"aws_secretsmanager_secret": [{
	"address": "aws_secretsmanager_secret.hf_token",
	"config_address": "aws_secretsmanager_secret.hf_token",
	"type": "aws_secretsmanager_secret",
	"after": {"name": "hf-token"},
	"unknown_paths": unknown,
}]}

rotation := {"aws_secretsmanager_secret.hf_token": [{
	"from": "aws_secretsmanager_secret_rotation.hf_token",
	"from_type": "aws_secretsmanager_secret_rotation",
	"attribute": "secret_id",
}]}

test_secret_without_rotation_is_denied if {
	findings := policy.deny with data.planguard.resources_by_type as secret([]) with data.planguard.referrers as {}
	some f in findings
	f.resource == "aws_secretsmanager_secret.hf_token"
}

test_secret_with_rotation_passes if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as secret([]) with data.planguard.referrers as rotation
}

# Another kind of resource referring to the secret is not a rotation.
test_other_referrer_is_still_denied if {
	version := {"aws_secretsmanager_secret.hf_token": [{"from": "aws_secretsmanager_secret_version.hf_token", "from_type": "aws_secretsmanager_secret_version", "attribute": "secret_id"}]}
	count(policy.deny) == 1 with data.planguard.resources_by_type as secret([]) with data.planguard.referrers as version
}

# The secret's id and ARN are known only after apply; the rotation refers to
# the block, which is what counts.
test_ids_known_after_apply_with_rotation_pass if {
	count(policy.deny) == 0 with data.planguard.resources_by_type as secret(["id", "arn"]) with data.planguard.referrers as rotation
}
