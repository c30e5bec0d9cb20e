package planguard.iam.aws.lambda_environment_credentials_test

import data.planguard.iam.aws.lambda_environment_credentials as policy
import data.planguard.lib.secret_scanners as scanners
import data.planguard.lib.test as t

fn := "aws_lambda_function.ingest"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(fn, after, unknown_paths)
}

env(vars) := {"environment": [{"variables": vars}]}

test_aws_keys_in_variables_are_denied if {
	found := findings(env({"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "BUCKET": "datasets"}), [])
	t.assert_denied(found, fn, "environment.0.variables.AWS_ACCESS_KEY_ID")
	t.assert_count(found, 1)
	every f in found {
		not contains(f.msg, "AKIAIOSFODNN7EXAMPLE")
	}
}

# A 40-character secret key is told by the variable's name.
test_secret_key_named_as_such_is_denied if {
	t.assert_denied(findings(env({"AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}), []), fn, "environment.0.variables.AWS_SECRET_ACCESS_KEY")
	# A whole value shaped like one is one, whatever the name; a SHA-256 digest is not.
	t.assert_denied(findings(env({"S3_SK": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}), []), fn, "environment.0.variables.S3_SK")
	t.assert_passes(findings(env({"DATASET_SHA256": "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="}), []), fn)
}

test_token_in_variables_is_denied if {
	t.assert_denied(findings(env({"HF_TOKEN": "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"}), []), fn, "environment.0.variables.HF_TOKEN")
}

test_secret_references_pass if {
	t.assert_passes(findings(env({"HF_TOKEN_SECRET_ARN": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:hf-token-AbCdEf", "MODEL_REV": "3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b"}), []), fn)
	t.assert_passes(findings({"environment": []}, []), fn)
}

test_variables_known_after_apply_are_not_judged if {
	t.assert_passes(findings({"environment": [{}]}, ["environment.0.variables"]), fn)
	t.assert_passes(findings(env({"AWS_SECRET_ACCESS_KEY": null}), ["environment.0.variables.AWS_SECRET_ACCESS_KEY"]), fn)
}

# A value Terraform marks sensitive is in clear in the function's
# configuration all the same; the finding names no other tool's check, which
# would have read the value itself.
test_sensitive_values_are_denied if {
	found := findings(env({"AWS_ACCESS_KEY_ID": "(sensitive value)", "LOG_LEVEL": "info"}), [])
	t.assert_denied(found, fn, "environment.0.variables.AWS_ACCESS_KEY_ID")
	t.assert_count(found, 1)
	every f in found {
		contains(f.msg, "holds a value Terraform marks sensitive")
		f.aliases == []
	}
	t.assert_denied(findings({"environment": [{"variables": "(sensitive value)"}]}, []), fn, "environment.0.variables")
}

# A literal under a credential's name is one; CKV_AWS_45 (AWS shapes only)
# is named on the findings it would raise and no other.
test_named_literals_are_denied_and_name_checkov_only_for_aws_shapes if {
	found := findings(env({
		"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
		"DB_PASSWORD": "hunter2",
		"WANDB_API_KEY": "0123456789abcdef0123456789abcdef01234567",
		"DATABASE_URL": "postgres://ml:hunter2@db.internal:5432/features",
	}), [])
	t.assert_count(found, 4)
	aliases := {f.attribute: f.aliases | some f in found}
	aliases == {
		"environment.0.variables.AWS_ACCESS_KEY_ID": ["CKV_AWS_45"],
		"environment.0.variables.DB_PASSWORD": [],
		"environment.0.variables.WANDB_API_KEY": [],
		"environment.0.variables.DATABASE_URL": [],
	}
	every f in found {
		not contains(f.msg, "hunter2")
		not contains(f.msg, "AKIAIOSFODNN7EXAMPLE")
		not contains(f.msg, "0123456789abcdef")
	}
}

test_other_vendors_tokens_are_denied if {
	found := findings(env({"STRIPE": "sk_live_0123456789abcdefABCDEFgh", "OPENAI": "sk-0123456789abcdefABCDEF0123456789abcdefABCDEF01"}), [])
	t.assert_denied(found, fn, "environment.0.variables.STRIPE")
	t.assert_denied(found, fn, "environment.0.variables.OPENAI")
}

# What CKV_AWS_45 also fails and planguard passes on purpose: a commit hash
# inside a longer value (a pinned model revision) is no credential.
test_pinned_revision_passes_though_checkov_fails_it if {
	value := "hf://org/model@3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b"
	scanners.checkov_aws(value)
	t.assert_passes(findings(env({"MODEL_URI": value}), []), fn)
}

test_pointers_to_secrets_pass if {
	t.assert_passes(findings(env({
		"DB_PASSWORD_SECRET_ARN": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf",
		"DB_SECRET": "prod/ml/db",
		"HF_TOKEN_PARAMETER": "/ml/hf-token",
		"TOKEN_URL": "https://auth.example.com/oauth2/token",
		"USE_SECRETS_MANAGER": "true",
		"TOKENIZER": "bert-base-uncased",
	}), []), fn)
}

test_named_literal_known_after_apply_is_not_judged if {
	t.assert_passes(findings(env({"BUCKET": "datasets"}), ["environment.0.variables.DB_PASSWORD"]), fn)
}

# One sample of each shape and each name-told kind (fake values).
samples := {
	"a GitLab token": ["CI", "glpat-0123456789abcdefABCD"],
	"a Slack webhook URL": ["ALERTS", "https://hooks.slack.com/services/T01234567/B01234567/abcdefghijklmnopqrstuvwx"],
	"a Stripe live key": ["BILLING", "sk_live_0123456789abcdefABCDEFgh"],
	"a Square token": ["PAY", "sq0atp-0123456789abcdefABCDEF"],
	"a Shopify token": ["SHOP", "shpat_0123456789abcdef0123456789abcdef"],
	"a Dynatrace token": ["DT", "dt0c01.ABCDEFGHIJKLMNOPQRSTUVWX.0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"],
	"a Braintree access token": ["BT", "access_token$production$0123456789abcdef$0123456789abcdef0123456789abcdef"],
	"an Amazon MWS auth token": ["MWS", "amzn.mws.01234567-89ab-cdef-0123-456789abcdef"],
	"a Mailchimp API key": ["MC", "0123456789abcdef0123456789abcdef-us21"],
	"a SendGrid API key": ["MAIL", "SG.0123456789abcdefABCDEF.0123456789abcdefABCDEF0123456789abcdefABCDE"],
	"an npm token": ["NPMRC", "//registry.npmjs.org/:_authToken=01234567-89ab-cdef-0123-456789abcdef"],
	"a PyPI token": ["PYPI", "pypi-AgEIcHlwaS5vcmcCJDAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMAACKl"],
	"an sk- API key (OpenAI, Anthropic and others)": ["LLM", "sk-0123456789abcdefABCDEF0123456789abcdefABCDEF01"],
	"a URL with a password": ["FEATURES", "postgres://ml:hunter2@db.internal:5432/features"],
	"a string shaped like an AWS secret access key": ["S3_SK", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
	"a password": ["DB_PASSWORD", "hunter2"],
	"a secret": ["CLIENT_SECRET", "abc123"],
	"a token": ["GITHUB_TOKEN", "0123456789abcdef0123456789abcdef01234567"],
	"an API key": ["WANDB_API_KEY", "0123456789abcdef"],
	"a key": ["ENCRYPTION_KEY", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA=="],
	"credentials": ["DOCKER_CREDENTIALS", "ml:hunter2"],
}

test_every_kind_is_denied_by_name_and_not_judged_when_unknown if {
	every kind, sample in samples {
		[name, value] := sample
		attribute := sprintf("environment.0.variables.%s", [name])
		found := findings(env({name: value}), [])
		t.assert_denied(found, fn, attribute)
		some f in found
		contains(f.msg, sprintf("holds %s.", [kind]))
		t.assert_passes(findings(env({"BUCKET": "datasets"}), [attribute]), fn)
	}
}
