# METADATA
# title: DocumentDB cluster is not encrypted with a customer-managed key
# description: >-
#   Without `kms_key_id` an encrypted DocumentDB cluster uses the AWS-managed
#   key aws/rds: any principal the account lets use DocumentDB can read the
#   stored documents and their snapshots, and no key policy of yours can
#   revoke that or audit it separately.
# custom:
#   id: PG-AWS-DOCDB-102
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_docdb_cluster]
#   aliases: [AVD-AWS-0022]
#   defaults:
#     - aws_docdb_cluster kms_key_id
#   remediation: >-
#     Set `storage_encrypted = true` and `kms_key_id` to a customer-managed
#     KMS key; an existing cluster is replaced (restore it from a snapshot).
package planguard.encryption.aws.docdb_cluster_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_docdb_cluster
	# Left out, the provider's default applies (src/rules/provider-defaults.json):
	# no key of yours. Set to something known only after apply, or to a
	# reference to a key: not decided here.
	not lib.undecided(r, ["kms_key_id"])
	not lib.refers_to(r, "kms_key_id")
	not lib.non_empty(lib.effective(r, ["kms_key_id"]))
	finding := {
		"msg": sprintf("DocumentDB cluster %s is not encrypted with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}
