package planguard.encryption.aws.ssm_parameter_secure_string_test

import data.planguard.encryption.aws.ssm_parameter_secure_string as policy
import data.planguard.lib.test as t

p := "aws_ssm_parameter.db_password"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(p, after, unknown_paths)
}

test_string_parameter_is_denied if {
	t.assert_denied(findings({"name": "/ml/db/password", "type": "String"}, []), p, "type")
	t.assert_denied(findings({"name": "/ml/hosts", "type": "StringList"}, []), p, "type")
}

test_secure_string_passes if {
	t.assert_passes(findings({"name": "/ml/db/password", "type": "SecureString"}, []), p)
}

test_type_known_after_apply_is_not_judged if {
	t.assert_passes(findings({"name": "/ml/db/password"}, ["type"]), p)
}

# The provider requires `type`; a state or plan without it (null) does not
# hold a SecureString, as the check reads it too.
test_type_absent_is_denied if {
	t.assert_denied(findings({"name": "/ml/db/password", "type": null}, []), p, "type")
}
