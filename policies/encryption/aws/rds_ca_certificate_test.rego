package planguard.encryption.aws.rds_ca_certificate_test

import data.planguard.encryption.aws.rds_ca_certificate as policy
import data.planguard.lib.test as t

db := "aws_db_instance.tracking"

reader := "aws_rds_cluster_instance.reader"

findings(address, after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, after, unknown_paths)
}

test_retired_ca_is_denied if {
	found := findings(db, {"engine": "postgres", "ca_cert_identifier": "rds-ca-2015"}, [])
	t.assert_denied(found, db, "ca_cert_identifier")
	some f in found
	f.aliases == ["CKV_AWS_211"]
}

# Checkov still counts rds-ca-2019 as current: the finding does not name its check.
test_expired_2019_ca_is_denied_without_the_checkov_alias if {
	found := findings(db, {"engine": "postgres", "ca_cert_identifier": "rds-ca-2019"}, [])
	t.assert_denied(found, db, "ca_cert_identifier")
	some f in found
	f.aliases == []
}

# Checkov judges aws_db_instance only.
test_cluster_instance_is_denied_without_the_checkov_alias if {
	found := findings(reader, {"engine": "aurora-postgresql", "ca_cert_identifier": "rds-ca-2015"}, [])
	t.assert_denied(found, reader, "ca_cert_identifier")
	some f in found
	f.aliases == []
}

test_current_cas_pass if {
	t.assert_passes(findings(db, {"ca_cert_identifier": "rds-ca-rsa2048-g1"}, []), db)
	t.assert_passes(findings(db, {"ca_cert_identifier": "rds-ca-rsa4096-g1"}, []), db)
	t.assert_passes(findings(reader, {"ca_cert_identifier": "rds-ca-ecc384-g1"}, []), reader)
}

# Left out, RDS picks its current default (the plan shows it as known after apply, or null).
test_left_out_is_not_judged if {
	t.assert_passes(findings(db, {"engine": "postgres"}, ["ca_cert_identifier"]), db)
	t.assert_passes(findings(db, {"engine": "postgres", "ca_cert_identifier": null}, []), db)
}

test_set_but_unknown_is_not_judged if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(db, {"engine": "postgres"}, ["ca_cert_identifier"])
		with data.planguard.references as {db: [{"attribute": "ca_cert_identifier", "to": "data.aws_rds_certificate.latest"}]}
	t.assert_count(found, 0)
}
