package planguard.iam.aws.ecs_environment_credentials_test

import data.planguard.iam.aws.ecs_environment_credentials as policy
import data.planguard.lib.secret_scanners as scanners
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

alias_by_variable(found) := {v: f.aliases |
	some f in found
	v := regex.find_n(`variable [A-Z_]+`, f.msg, 1)[0]
}

# AVD-AWS-0036 is named where Trivy fails too: a credential's name, or
# squealer's rules on the value; not on what only planguard finds.
test_findings_name_trivy_where_it_fails_too if {
	found := findings(container([
		{"name": "DB_PASSWORD", "value": "hunter2"},
		{"name": "DB_PASSWD", "value": "hunter2"},
		{"name": "HF_HUB", "value": "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"},
		{"name": "STRIPE", "value": "sk_live_0123456789abcdef0123456789abcdef"},
		{"name": "LOG_LEVEL", "value": "info"},
	]), [])
	t.assert_count(found, 4)
	alias_by_variable(found) == {
		"variable DB_PASSWORD": ["AVD-AWS-0036"],
		"variable DB_PASSWD": [],
		"variable HF_HUB": [],
		"variable STRIPE": ["AVD-AWS-0036"],
	}
	every f in found {
		not contains(f.msg, "hunter2")
		not contains(f.msg, "sk_live_")
	}
}

# What AVD-AWS-0036 also fails and planguard passes on purpose: names that
# only mention a credential, holding a pointer to it or no credential.
test_names_that_only_mention_a_credential_pass_though_trivy_fails_them if {
	environment := [
		{"name": "DB_SECRET_ARN", "value": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf"},
		{"name": "TOKEN_URL", "value": "https://auth.example.com/oauth2/token"},
		{"name": "TOKENIZER", "value": "bert-base-uncased"},
		{"name": "PASSWORD_MIN_LENGTH", "value": "14"},
		{"name": "DB_PASSWORD", "value": ""},
		{"name": "ADMIN_PASSWORD_HASH", "value": "$2b$12$0123456789abcdefghijkuvwxyzABCDEFGHIJKLMNOPQRSTUVWX"},
		{"name": "REQUIRE_TOKEN", "value": "true"},
		{"name": "HF_HUB_DISABLE_TOKEN", "value": "1"},
		{"name": "API_TOKEN", "value": "<your-token>"},
	]
	every v in environment {
		scanners.trivy_sensitive_name(v.name)
	}
	t.assert_passes(findings(container(environment), []), td)
	# squealer's "sk-" rule on a model name.
	scanners.squealer("mask-rcnn")
	t.assert_passes(findings(container([{"name": "MODEL", "value": "mask-rcnn"}]), []), td)
}

# Definitions that Terraform marks sensitive hold the value in clear all the
# same; which variable it went into is unknown, so no check is named.
test_sensitive_definitions_are_denied if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(td, {"container_definitions": "(sensitive value)"}, [])
	t.assert_denied(found, td, "container_definitions")
	every f in found {
		contains(f.msg, "a value Terraform marks sensitive")
		f.aliases == []
	}
}
