# METADATA
# title: RDS or Aurora cluster does not use IAM database authentication
# description: >-
#   Without IAM database authentication the cluster's clients log in with
#   long-lived passwords that have to be stored, shared and rotated by hand.
#   With it, they connect with short-lived tokens issued to their IAM role,
#   and access is granted and revoked in IAM. Every engine an aws_rds_cluster
#   runs (Aurora MySQL and PostgreSQL, Multi-AZ MySQL and PostgreSQL) offers it.
# custom:
#   id: PG-AWS-RDS-109
#   severity: medium
#   category: iam
#   providers: [aws]
#   resource_types: [aws_rds_cluster]
#   aliases: [CKV_AWS_162]
#   remediation: >-
#     Set `iam_database_authentication_enabled = true`, grant the clients'
#     roles `rds-db:connect` on the database user, and have them connect
#     with tokens from `aws rds generate-db-auth-token`.
package planguard.iam.aws.rds_cluster_iam_authentication

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_rds_cluster
	not lib.is_unknown(r, ["iam_database_authentication_enabled"])
	# Optional without a computed value: left out, the plan holds null (off).
	not lib.is_true(r, ["iam_database_authentication_enabled"])
	finding := {
		"msg": sprintf("RDS cluster %s accepts password logins only: IAM database authentication is off.", [r.address]),
		"resource": r.address,
		"attribute": "iam_database_authentication_enabled",
	}
}
