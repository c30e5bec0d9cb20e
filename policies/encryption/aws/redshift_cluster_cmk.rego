# METADATA
# title: Redshift cluster is not encrypted with a customer-managed key
# description: >-
#   A warehouse cluster without `kms_key_id` is unencrypted or encrypted
#   with the AWS-managed key aws/redshift: its training and feature
#   tables, and every snapshot of them, are then readable by any principal
#   the account lets use Redshift, with no key policy of yours in between.
# custom:
#   id: PG-AWS-REDSHIFT-103
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_redshift_cluster]
#   aliases: [CKV_AWS_142, AVD-AWS-0084]
#   defaults:
#     - aws_redshift_cluster kms_key_id
#   remediation: >-
#     Set `encrypted = true` and `kms_key_id` to a customer-managed KMS
#     key.
package planguard.encryption.aws.redshift_cluster_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_redshift_cluster
	# Left out, the provider's default applies (src/rules/provider-defaults.json):
	# no key of yours. Set to something known only after apply: not decided here.
	not lib.undecided(r, ["kms_key_id"])
	not lib.refers_to(r, "kms_key_id")
	not named(lib.effective(r, ["kms_key_id"]))
	finding := {
		"msg": sprintf("%s %s is not encrypted with a customer-managed KMS key.", ["Redshift cluster", r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}

named(v) if {
	is_string(v)
	v != ""
}
