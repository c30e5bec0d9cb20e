package planguard.encryption.aws.ssm_parameter_cmk_test

import data.planguard.encryption.aws.ssm_parameter_cmk as policy
import data.planguard.lib.test as t

p := "aws_ssm_parameter.db_password"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(p, after, unknown_paths)
}

# A parameter as a plan gives it, with the configuration's expressions.
planned(after, after_unknown, expressions) := {"aws_ssm_parameter": [{
	"address": p, "config_address": p, "type": "aws_ssm_parameter",
	"after": after, "after_unknown": after_unknown, "expressions": expressions,
}]}

test_no_key_is_denied if {
	t.assert_denied(findings({"type": "SecureString", "key_id": null}, []), p, "key_id")
	t.assert_denied(findings({"type": "String", "key_id": ""}, []), p, "key_id")
}

test_aws_managed_key_is_denied if {
	t.assert_denied(findings({"type": "SecureString", "key_id": "alias/aws/ssm"}, []), p, "key_id")
}

test_customer_key_passes if {
	t.assert_passes(findings({"type": "SecureString", "key_id": "arn:aws:kms:eu-west-1:111122223333:key/abcd"}, []), p)
}

test_key_known_after_apply_is_not_judged if {
	t.assert_passes(findings({"type": "SecureString"}, ["key_id"]), p)
}

# Left out, key_id is computed (unknown in the plan): the provider then uses alias/aws/ssm.
test_key_left_out_is_denied if {
	deny := policy.deny with data.planguard.resources_by_type as planned(
		{"type": "SecureString"}, {"key_id": true}, {"type": {"constant_value": "SecureString"}},
	)
	t.assert_denied(deny, p, "key_id")
}

test_key_set_by_reference_passes if {
	deny := policy.deny with data.planguard.resources_by_type as planned(
		{"type": "SecureString"}, {"key_id": true}, {"key_id": {"references": ["aws_kms_key.ssm.arn", "aws_kms_key.ssm"]}},
	)
		with data.planguard.references as {p: [{"attribute": "key_id", "to": "aws_kms_key.ssm"}]}
	t.assert_passes(deny, p)
}
