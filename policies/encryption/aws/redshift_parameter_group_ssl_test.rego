package planguard.encryption.aws.redshift_parameter_group_ssl_test

import data.planguard.encryption.aws.redshift_parameter_group_ssl as policy
import data.planguard.lib.test as t

group := "aws_redshift_parameter_group.warehouse"

findings(parameters, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(group, {"family": "redshift-1.0", "parameter": parameters}, unknown_paths)
}

test_ssl_not_required_is_denied if {
	t.assert_denied(findings([{"name": "require_ssl", "value": "false"}], []), group, "parameter")
}

# Without the parameter the group keeps Redshift's default, require_ssl false.
test_parameter_left_out_is_denied if {
	t.assert_denied(findings([{"name": "enable_user_activity_logging", "value": "true"}], []), group, "parameter")
	t.assert_denied(findings([], []), group, "parameter")
	t.assert_denied(findings(null, []), group, "parameter")
}

test_ssl_required_passes if {
	t.assert_passes(findings([{"name": "enable_user_activity_logging", "value": "true"}, {"name": "require_ssl", "value": "true"}], []), group)
	t.assert_passes(findings([{"name": "require_ssl", "value": "TRUE"}], []), group)
}

test_value_known_after_apply_is_not_judged if {
	t.assert_passes(findings([{"name": "require_ssl"}], ["parameter.0.value"]), group)
	t.assert_passes(findings(null, ["parameter"]), group)
}
