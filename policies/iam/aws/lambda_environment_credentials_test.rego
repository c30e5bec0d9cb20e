package planguard.iam.aws.lambda_environment_credentials_test

import data.planguard.iam.aws.lambda_environment_credentials as policy
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
	t.assert_passes(findings(env({"DATASET_CHECKSUM": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}), []), fn)
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

test_redacted_value_passes if {
	t.assert_passes(findings(env({"AWS_ACCESS_KEY_ID": "(sensitive value)"}), []), fn)
}
