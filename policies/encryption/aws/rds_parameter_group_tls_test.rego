package planguard.encryption.aws.rds_parameter_group_tls_test

import data.planguard.encryption.aws.rds_parameter_group_tls as policy
import data.planguard.lib.test as t

db := "aws_db_instance.tracking"

pg := "aws_db_parameter_group.tracking"

# An instance whose parameter_group_name refers to a parameter group with `group_after`.
plan(group_after, group_unknown) := {
	"aws_db_instance": [{"address": db, "config_address": db, "type": "aws_db_instance", "after": {"engine": "postgres"}, "unknown_paths": ["parameter_group_name"]}],
	"aws_db_parameter_group": [{"address": pg, "config_address": pg, "type": "aws_db_parameter_group", "after": group_after, "unknown_paths": group_unknown}],
}

linked := {db: [{"attribute": "parameter_group_name", "to": pg}]}

findings(group_after, group_unknown) := found if {
	found := policy.deny with data.planguard.resources_by_type as plan(group_after, group_unknown)
		with data.planguard.references as linked
}

test_postgres_group_without_force_ssl_is_denied if {
	t.assert_denied(findings({"family": "postgres16", "parameter": [{"name": "log_connections", "value": "1"}]}, []), db, "parameter_group_name")
	t.assert_denied(findings({"family": "postgres16", "parameter": [{"name": "rds.force_ssl", "value": "0"}]}, []), db, "parameter_group_name")
	t.assert_denied(findings({"family": "sqlserver-se-16.0", "parameter": []}, []), db, "parameter_group_name")
}

test_mysql_group_without_secure_transport_is_denied if {
	t.assert_denied(findings({"family": "mysql8.0", "parameter": null}, []), db, "parameter_group_name")
	t.assert_denied(findings({"family": "mariadb10.11", "parameter": [{"name": "require_secure_transport", "value": "0"}]}, []), db, "parameter_group_name")
}

test_db2_advanced_edition_without_ssl_is_denied if {
	t.assert_denied(findings({"family": "db2-ae-11.5", "parameter": [{"name": "db2comm", "value": "TCPIP"}]}, []), db, "parameter_group_name")
}

test_groups_forcing_tls_pass if {
	t.assert_passes(findings({"family": "postgres16", "parameter": [{"name": "rds.force_ssl", "value": "1"}]}, []), db)
	t.assert_passes(findings({"family": "mysql8.0", "parameter": [{"name": "require_secure_transport", "value": "1"}]}, []), db)
	t.assert_passes(findings({"family": "db2-ae-11.5", "parameter": [{"name": "db2comm", "value": "SSL"}]}, []), db)
}

# Checkov's check names no parameter for Oracle, Aurora or Db2 Standard Edition families.
test_other_families_pass if {
	t.assert_passes(findings({"family": "oracle-ee-19", "parameter": []}, []), db)
	t.assert_passes(findings({"family": "aurora-postgresql16", "parameter": []}, []), db)
}

# An instance on a default or outside parameter group is not judged (nor by Checkov).
test_instance_without_a_group_of_the_configuration_passes if {
	found := policy.deny with data.planguard.resources_by_type as plan({"family": "postgres16", "parameter": []}, [])
		with data.planguard.references as {}
	t.assert_count(found, 0)
}

test_values_known_after_apply_are_not_judged if {
	t.assert_passes(findings({"family": "postgres16", "parameter": [{"name": "rds.force_ssl"}]}, ["parameter.0.value"]), db)
	t.assert_passes(findings({"parameter": []}, ["family"]), db)
}
