# METADATA
# title: Redshift Serverless namespace is not encrypted with a customer-managed key
# description: >-
#   A Serverless namespace holds the databases, users and snapshots of the
#   warehouse. Without `kms_key_id` they are encrypted with an AWS-owned
#   key that you cannot restrict, audit or revoke.
# custom:
#   id: PG-AWS-REDSHIFT-104
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_redshiftserverless_namespace]
#   aliases: [CKV_AWS_282]
#   defaults:
#     - aws_redshiftserverless_namespace kms_key_id
#   remediation: >-
#     Set `kms_key_id` to a customer-managed KMS key.
package planguard.encryption.aws.redshiftserverless_namespace_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_redshiftserverless_namespace
	# Left out, the provider's default applies (src/rules/provider-defaults.json):
	# no key of yours. Set to something known only after apply: not decided here.
	not lib.undecided(r, ["kms_key_id"])
	not lib.refers_to(r, "kms_key_id")
	not named(lib.effective(r, ["kms_key_id"]))
	finding := {
		"msg": sprintf("%s %s is not encrypted with a customer-managed KMS key.", ["Redshift Serverless namespace", r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}

named(v) if {
	is_string(v)
	v != ""
}
