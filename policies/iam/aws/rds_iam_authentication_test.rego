package planguard.iam.aws.rds_iam_authentication_test

import data.planguard.iam.aws.rds_iam_authentication as policy
import data.planguard.lib.test as t

db := "aws_db_instance.tracking"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(db, after, unknown_paths)
}

test_iam_auth_off_is_denied if {
	t.assert_denied(findings({"engine": "postgres", "iam_database_authentication_enabled": false}, []), db, "iam_database_authentication_enabled")
	t.assert_denied(findings({"engine": "mysql", "iam_database_authentication_enabled": false}, []), db, "iam_database_authentication_enabled")
}

# The attribute has no computed value: left out, the plan holds null, and IAM authentication is off.
test_left_out_is_denied if {
	t.assert_denied(findings({"engine": "postgres", "iam_database_authentication_enabled": null}, []), db, "iam_database_authentication_enabled")
	t.assert_denied(findings({"engine": "mysql"}, []), db, "iam_database_authentication_enabled")
}

test_iam_auth_on_passes if {
	t.assert_passes(findings({"engine": "postgres", "iam_database_authentication_enabled": true}, []), db)
}

test_known_after_apply_is_not_judged if {
	t.assert_passes(findings({"engine": "postgres"}, ["iam_database_authentication_enabled"]), db)
}

# RDS offers IAM authentication to MySQL and PostgreSQL only; an engine known only after apply is not judged either.
test_other_engines_are_not_judged if {
	t.assert_passes(findings({"engine": "mariadb", "iam_database_authentication_enabled": false}, []), db)
	t.assert_passes(findings({"engine": "sqlserver-se", "iam_database_authentication_enabled": false}, []), db)
	t.assert_passes(findings({"iam_database_authentication_enabled": false}, ["engine"]), db)
}
