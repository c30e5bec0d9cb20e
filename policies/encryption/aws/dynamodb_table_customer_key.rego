# METADATA
# title: DynamoDB table is not encrypted with a customer-managed KMS key
# description: >-
#   DynamoDB always encrypts at rest, but without server-side encryption turned
#   on in Terraform it uses an AWS-owned key that you cannot audit, restrict or
#   revoke. Tables holding features, labels or experiment metadata should use a
#   customer-managed KMS key so that access to the data shows up in CloudTrail
#   and can be cut off with the key policy.
# custom:
#   id: PG-AWS-DYNAMODB-101
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_dynamodb_table]
#   aliases: [AVD-AWS-0025]
#   narrower: [CKV_AWS_119]
#   defaults:
#     - aws_dynamodb_table server_side_encryption
#     - aws_dynamodb_table server_side_encryption.kms_key_arn
#   remediation: >-
#     Add `server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.k.arn }`
#     with a customer-managed key.
package planguard.encryption.aws.dynamodb_table_customer_key

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_dynamodb_table
	# Left out, the block is the provider's default: an AWS-owned key.
	not lib.undecided(r, ["server_side_encryption"])
	not customer_key(r)
	not key_undecided(r)
	finding := object.union(
		{
			"msg": sprintf("DynamoDB table %s is encrypted with an AWS-owned or AWS-managed key, not a customer-managed KMS key.", [r.address]),
			"resource": r.address,
			"attribute": "server_side_encryption",
		},
		checkov_alias(r),
	)
}

# CKV_AWS_119 passes a table that names any key, the AWS-managed alias
# included: it is named only on findings where SSE is off or no key is named.
checkov_alias(r) := {} if {
	some k in enabled_keys(r)
	lib.non_empty(k)
} else := {"aliases": ["CKV_AWS_119"]}

sse_blocks(r) := [b | some b in object.get(r.after, "server_side_encryption", [])]

# The keys the blocks with encryption on name, as the cloud will see them:
# a key left out of the configuration (the provider computes it) is the
# default, null, which is the AWS-managed key alias/aws/dynamodb. A key set
# by the author but known only after apply is left out of the list.
enabled_keys(r) := [k |
	some i, b in sse_blocks(r)
	b.enabled == true
	k := lib.effective(r, ["server_side_encryption", i, "kms_key_arn"])
]

customer_key(r) if {
	some b in sse_blocks(r)
	b.enabled == true
	lib.refers_to(r, "server_side_encryption.kms_key_arn")
}

customer_key(r) if {
	some k in enabled_keys(r)
	lib.non_empty(k)
	not endswith(k, "alias/aws/dynamodb")
}

key_undecided(r) if {
	some i, b in sse_blocks(r)
	b.enabled == true
	lib.undecided(r, ["server_side_encryption", i, "kms_key_arn"])
}

key_undecided(r) if {
	some i, _ in sse_blocks(r)
	lib.is_unknown(r, ["server_side_encryption", i, "enabled"])
}
