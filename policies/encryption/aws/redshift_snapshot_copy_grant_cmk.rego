# METADATA
# title: Redshift snapshot copy grant does not name a customer-managed key
# description: >-
#   A snapshot copy grant lets Redshift encrypt the cross-region copies of an
#   encrypted cluster's snapshots in the destination region. Without
#   `kms_key_id` it uses that region's AWS-managed key, which every principal
#   allowed to use Redshift there can use and which cannot be restricted,
#   audited per cluster or revoked: the warehouse's copies end up less
#   protected than the warehouse.
# custom:
#   id: PG-AWS-REDSHIFT-109
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_redshift_snapshot_copy_grant]
#   aliases: [CKV_AWS_281]
#   defaults:
#     - aws_redshift_snapshot_copy_grant kms_key_id
#   remediation: Set `kms_key_id` to a customer-managed KMS key in the destination region.
package planguard.encryption.aws.redshift_snapshot_copy_grant_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_redshift_snapshot_copy_grant
	not lib.undecided(r, ["kms_key_id"])
	not lib.refers_to(r, "kms_key_id")
	not lib.non_empty(lib.effective(r, ["kms_key_id"]))
	finding := {
		"msg": sprintf("Redshift snapshot copy grant %s encrypts snapshot copies without a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}
