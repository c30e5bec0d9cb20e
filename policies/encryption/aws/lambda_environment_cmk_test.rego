package planguard.encryption.aws.lambda_environment_cmk_test

import data.planguard.encryption.aws.lambda_environment_cmk as policy
import data.planguard.lib.test as t

fn := "aws_lambda_function.embed"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(fn, after, unknown_paths)
}

env := [{"variables": {"FEATURE_STORE": "fs.internal"}}]

test_variables_without_key_are_denied if {
	t.assert_denied(findings({"environment": env, "kms_key_arn": null}, []), fn, "kms_key_arn")
	t.assert_denied(findings({"environment": env, "kms_key_arn": ""}, []), fn, "kms_key_arn")
}

# Left out, kms_key_arn is null in the plan: Lambda uses aws/lambda.
test_key_left_out_is_denied if {
	t.assert_denied(findings({"environment": env}, []), fn, "kms_key_arn")
}

test_customer_key_passes if {
	t.assert_passes(findings({"environment": env, "kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/abcd"}, []), fn)
}

test_key_known_after_apply_is_not_judged if {
	t.assert_passes(findings({"environment": env}, ["kms_key_arn"]), fn)
}

test_variables_known_after_apply_are_judged if {
	t.assert_denied(findings({"environment": [{}], "kms_key_arn": null}, ["environment.0.variables"]), fn, "kms_key_arn")
}

test_function_without_variables_passes if {
	t.assert_passes(findings({"environment": [], "kms_key_arn": null}, []), fn)
	t.assert_passes(findings({"environment": [{"variables": {}}], "kms_key_arn": null}, []), fn)
}

# Checkov fails both; neither has a variable for a key to encrypt.
test_key_without_variables_passes if {
	t.assert_passes(findings({"environment": [], "kms_key_arn": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}, []), fn)
	t.assert_passes(findings({"environment": [{"variables": {}}], "kms_key_arn": ""}, []), fn)
}
