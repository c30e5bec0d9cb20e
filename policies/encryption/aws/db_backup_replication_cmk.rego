# METADATA
# title: Replicated RDS automated backups are not encrypted with a customer-managed key
# description: >-
#   An aws_db_instance_automated_backups_replication copies a database's
#   automated backups to another region. Without `kms_key_id` the copies are
#   encrypted with the AWS-managed key of that region, which every principal
#   allowed to use RDS there can use and which cannot be restricted, audited
#   per database or revoked.
# custom:
#   id: PG-AWS-RDS-113
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_db_instance_automated_backups_replication]
#   aliases: [CKV_AWS_245]
#   defaults:
#     - aws_db_instance_automated_backups_replication kms_key_id
#   remediation: Set `kms_key_id` to a customer-managed KMS key in the destination region.
package planguard.encryption.aws.db_backup_replication_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_db_instance_automated_backups_replication
	not lib.undecided(r, ["kms_key_id"])
	not lib.refers_to(r, "kms_key_id")
	not lib.non_empty(lib.effective(r, ["kms_key_id"]))
	finding := {
		"msg": sprintf("%s replicates automated backups without a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}
