# METADATA
# title: RDS or Aurora cluster is not encrypted with a customer-managed key
# description: >-
#   A cluster without `kms_key_id` is either unencrypted or encrypted with
#   the AWS-managed key aws/rds, which every principal allowed to use RDS
#   in the account can use and which you cannot restrict, audit per
#   database or revoke. Snapshots inherit the key, so sharing one later is
#   all or nothing.
# custom:
#   id: PG-AWS-RDS-101
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_rds_cluster]
#   aliases: [CKV_AWS_327, AVD-AWS-0079]
#   defaults:
#     - aws_rds_cluster kms_key_id
#   remediation: >-
#     Set `storage_encrypted = true` and `kms_key_id` to a
#     customer-managed KMS key (an existing cluster is restored from a
#     snapshot copied under the new key).
package planguard.encryption.aws.rds_cluster_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_rds_cluster
	# Left out, the provider's default applies (src/rules/provider-defaults.json):
	# no key of yours. Set to something known only after apply: not decided here.
	not lib.undecided(r, ["kms_key_id"])
	not lib.refers_to(r, "kms_key_id")
	not named(lib.effective(r, ["kms_key_id"]))
	finding := {
		"msg": sprintf("%s %s is not encrypted with a customer-managed KMS key.", ["RDS cluster", r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}

named(v) if {
	is_string(v)
	v != ""
}
