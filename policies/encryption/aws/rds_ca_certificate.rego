# METADATA
# title: RDS DB instance uses an outdated CA certificate
# description: >-
#   The CA named in `ca_cert_identifier` signs the server certificate clients
#   verify when they connect with TLS. rds-ca-2019 expired in August 2024 and
#   older CAs before it; an instance on one of them either breaks clients
#   that verify the certificate or teaches them not to. The current CAs are
#   rds-ca-rsa2048-g1, rds-ca-rsa4096-g1 and rds-ca-ecc384-g1. Left out, RDS
#   picks its current default, which is not judged.
# custom:
#   id: PG-AWS-RDS-110
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_db_instance, aws_rds_cluster_instance]
#   aliases: []
#   narrower: [CKV_AWS_211]
#   remediation: >-
#     Set `ca_cert_identifier = "rds-ca-rsa2048-g1"` (or rds-ca-rsa4096-g1 /
#     rds-ca-ecc384-g1), with `apply_immediately` or in a maintenance
#     window, after giving clients the new CA bundle.
package planguard.encryption.aws.rds_ca_certificate

import data.planguard.lib

current_cas := {"rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"}

# Checkov's list of current CAs still holds rds-ca-2019, expired since 2024.
checkov_current_cas := current_cas | {"rds-ca-2019"}

deny contains finding if {
	some t in ["aws_db_instance", "aws_rds_cluster_instance"]
	some r in data.planguard.resources_by_type[t]
	not lib.pending(r, ["ca_cert_identifier"])
	ca := object.get(r.after, "ca_cert_identifier", null)
	lib.non_empty(ca)
	not ca in current_cas
	finding := {
		"msg": sprintf("RDS instance %s uses the CA %s, which is not a current RDS CA.", [r.address, ca]),
		"resource": r.address,
		"attribute": "ca_cert_identifier",
		# Checkov's CKV_AWS_211 judges aws_db_instance only, and passes rds-ca-2019.
		"aliases": [id | some id in ["CKV_AWS_211"]; t == "aws_db_instance"; not ca in checkov_current_cas],
	}
}
