# METADATA
# title: DynamoDB table replica is not encrypted with a customer-managed key
# description: >-
#   A replica of a global table in another region holds the same items as
#   the table. Without `kms_key_arn` it is encrypted with a key AWS owns
#   or manages, which you cannot restrict, audit per table or revoke.
# custom:
#   id: PG-AWS-DYNAMODB-104
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_dynamodb_table_replica]
#   aliases: [CKV_AWS_271]
#   defaults:
#     - aws_dynamodb_table_replica kms_key_arn
#   remediation: >-
#     Set `kms_key_arn` to a customer-managed KMS key in the replica's
#     region.
package planguard.encryption.aws.dynamodb_table_replica_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_dynamodb_table_replica
	# Left out, the provider's default applies (src/rules/provider-defaults.json):
	# no key of yours. Set to something known only after apply: not decided here.
	not lib.undecided(r, ["kms_key_arn"])
	not lib.refers_to(r, "kms_key_arn")
	not named(lib.effective(r, ["kms_key_arn"]))
	finding := {
		"msg": sprintf("%s %s is not encrypted with a customer-managed KMS key.", ["DynamoDB table replica", r.address]),
		"resource": r.address,
		"attribute": "kms_key_arn",
	}
}

named(v) if {
	is_string(v)
	v != ""
}
