# METADATA
# title: MySQL or PostgreSQL DB instance does not use IAM database authentication
# description: >-
#   Without IAM database authentication every client of the database (an
#   experiment tracker, a feature service, a notebook) logs in with a
#   long-lived password that has to be stored, shared and rotated by hand.
#   With it, clients connect with short-lived tokens issued to their IAM
#   role, and access is granted and revoked in IAM. RDS offers it for the
#   MySQL and PostgreSQL engines only; other engines are not judged.
# custom:
#   id: PG-AWS-RDS-108
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_db_instance]
#   aliases: [CKV_AWS_161, AVD-AWS-0176]
#   remediation: >-
#     Set `iam_database_authentication_enabled = true`, grant the clients'
#     roles `rds-db:connect` on the database user, and have them connect
#     with tokens from `aws rds generate-db-auth-token`.
package planguard.iam.aws.rds_iam_authentication

import data.planguard.lib

# The engines RDS offers IAM database authentication for, as the engine
# attribute names them (Aurora runs in clusters: PG-AWS-RDS-109).
iam_auth_engines := {"mysql", "postgres"}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_db_instance
	object.get(r.after, "engine", null) in iam_auth_engines
	not lib.is_unknown(r, ["iam_database_authentication_enabled"])
	# Optional without a computed value: left out, the plan holds null (off).
	not lib.is_true(r, ["iam_database_authentication_enabled"])
	finding := {
		"msg": sprintf("RDS instance %s (%s) accepts password logins only: IAM database authentication is off.", [r.address, r.after.engine]),
		"resource": r.address,
		"attribute": "iam_database_authentication_enabled",
	}
}
