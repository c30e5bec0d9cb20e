package planguard.iam.aws.ecs_environment_credentials_test

import data.planguard.iam.aws.ecs_environment_credentials as policy
import data.planguard.lib.test as t

td := "aws_ecs_task_definition.trainer"

findings(containers, unknown_paths) := found if {
	after := {"family": "trainer", "container_definitions": json.marshal(containers)}
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(td, after, unknown_paths)
}

container(environment) := [{"name": "train", "image": "trainer:1", "environment": environment}]

test_aws_keys_in_environment_are_denied if {
	found := findings(container([
		{"name": "AWS_ACCESS_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE"},
		{"name": "AWS_SECRET_ACCESS_KEY", "value": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
	]), [])
	t.assert_denied(found, td, "container_definitions")
	t.assert_count(found, 2)
	every f in found {
		not contains(f.msg, "AKIAIOSFODNN7EXAMPLE")
		not contains(f.msg, "wJalrXUtnFEMI")
	}
}

test_token_is_denied if {
	t.assert_denied(findings(container([{"name": "GITHUB_TOKEN", "value": "ghp_0123456789abcdefghijABCDEFGHIJ012345"}]), []), td, "container_definitions")
}

# Secrets injected by reference, and values that only name a secret, pass.
test_secrets_by_reference_pass if {
	containers := [{
		"name": "train",
		"environment": [{"name": "HF_TOKEN_SECRET", "value": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:hf-AbCdEf"}],
		"secrets": [{"name": "HF_TOKEN", "valueFrom": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:hf-AbCdEf"}],
	}]
	t.assert_passes(findings(containers, []), td)
}

test_definitions_known_after_apply_are_not_judged if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(td, {"family": "trainer"}, ["container_definitions"])
	t.assert_passes(found, td)
}

test_malformed_definitions_pass if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(td, {"container_definitions": "not json"}, [])
	t.assert_passes(found, td)
}
