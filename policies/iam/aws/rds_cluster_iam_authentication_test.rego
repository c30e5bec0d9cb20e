package planguard.iam.aws.rds_cluster_iam_authentication_test

import data.planguard.iam.aws.rds_cluster_iam_authentication as policy
import data.planguard.lib.test as t

cluster := "aws_rds_cluster.features"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(cluster, after, unknown_paths)
}

test_iam_auth_off_is_denied if {
	t.assert_denied(findings({"engine": "aurora-postgresql", "iam_database_authentication_enabled": false}, []), cluster, "iam_database_authentication_enabled")
}

# The attribute has no computed value: left out, the plan holds null, and IAM authentication is off.
test_left_out_is_denied if {
	t.assert_denied(findings({"engine": "aurora-mysql"}, []), cluster, "iam_database_authentication_enabled")
}

test_iam_auth_on_passes if {
	t.assert_passes(findings({"engine": "aurora-postgresql", "iam_database_authentication_enabled": true}, []), cluster)
}

test_known_after_apply_is_not_judged if {
	t.assert_passes(findings({"engine": "aurora-postgresql"}, ["iam_database_authentication_enabled"]), cluster)
}
