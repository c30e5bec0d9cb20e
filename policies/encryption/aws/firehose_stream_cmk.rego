# METADATA
# title: Firehose delivery stream is not encrypted with a customer-managed key
# description: >-
#   Without `key_type = "CUSTOMER_MANAGED_CMK"` and a `key_arn`, a Direct PUT
#   delivery stream is unencrypted or encrypted with a key AWS owns: no key
#   policy of yours decides who can read the buffered records, and key use
#   is not in your CloudTrail. A stream that reads from a Kinesis data
#   stream takes its encryption from that stream and is not judged.
# custom:
#   id: PG-AWS-KINESIS-104
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_kinesis_firehose_delivery_stream]
#   aliases: [CKV_AWS_241]
#   remediation: >-
#     Set `server_side_encryption { enabled = true, key_type = "CUSTOMER_MANAGED_CMK",
#     key_arn = aws_kms_key.<name>.arn }`.
package planguard.encryption.aws.firehose_stream_cmk

import data.planguard.lib

streams contains r if {
	some r in data.planguard.resources_by_type.aws_kinesis_firehose_delivery_stream
	object.get(r.after, "kinesis_source_configuration", []) in {null, []}
	not lib.is_unknown(r, ["kinesis_source_configuration"])
}

# No server_side_encryption block (and none to come).
deny contains finding if {
	some r in streams
	object.get(r.after, "server_side_encryption", []) in {null, []}
	not lib.is_unknown(r, ["server_side_encryption"])
	finding := no_key_of_yours(r, "server_side_encryption")
}

# The first of the block's settings that keeps a key of yours out: enabled,
# then key_type (the provider's default is AWS_OWNED_CMK), then key_arn.
deny contains finding if {
	some r in streams
	some i, sse in object.get(r.after, "server_side_encryption", [])
	key := gap(r, i, sse)
	finding := no_key_of_yours(r, sprintf("server_side_encryption.%d.%s", [i, key]))
}

gap(r, i, sse) := "enabled" if {
	object.get(sse, "enabled", false) != true
	not lib.is_unknown(r, ["server_side_encryption", i, "enabled"])
} else := "key_type" if {
	object.get(sse, "key_type", "AWS_OWNED_CMK") != "CUSTOMER_MANAGED_CMK"
	not lib.is_unknown(r, ["server_side_encryption", i, "key_type"])
	not lib.is_unknown(r, ["server_side_encryption", i, "enabled"])
} else := "key_arn" if {
	not lib.non_empty(object.get(sse, "key_arn", null))
	not lib.pending(r, ["server_side_encryption", i, "key_arn"])
	not lib.is_unknown(r, ["server_side_encryption", i, "enabled"])
	not lib.is_unknown(r, ["server_side_encryption", i, "key_type"])
}

no_key_of_yours(r, attribute) := {
	"msg": sprintf("Firehose delivery stream %s is not encrypted with a customer-managed KMS key.", [r.address]),
	"resource": r.address,
	"attribute": attribute,
}
