# METADATA
# title: RDS snapshot copy is not encrypted with a customer-managed key
# description: >-
#   A snapshot copy (often the one made to share a database with another
#   account or region) without `kms_key_id` keeps the source key:
#   unencrypted or the AWS-managed aws/rds key, which cannot be shared or
#   restricted.
# custom:
#   id: PG-AWS-RDS-102
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_db_snapshot_copy]
#   aliases: [CKV_AWS_266]
#   remediation: >-
#     Set `kms_key_id` to a customer-managed KMS key whose policy names
#     the accounts that may restore the copy.
package planguard.encryption.aws.db_snapshot_copy_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_db_snapshot_copy
	# Left out, the attribute is null in the plan.
	not lib.undecided(r, ["kms_key_id"])
	not lib.refers_to(r, "kms_key_id")
	not named(lib.effective(r, ["kms_key_id"]))
	finding := {
		"msg": sprintf("%s %s is not encrypted with a customer-managed KMS key.", ["RDS snapshot copy", r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}

named(v) if {
	is_string(v)
	v != ""
}
