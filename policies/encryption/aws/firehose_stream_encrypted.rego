# METADATA
# title: Firehose delivery stream does not encrypt the records it buffers
# description: >-
#   A Firehose delivery stream that is written to directly (Direct PUT)
#   buffers the records (inference logs, clickstream, features) for up to
#   several minutes before delivering them. Server-side encryption is off
#   unless `server_side_encryption { enabled = true }`. A stream that reads
#   from a Kinesis data stream stores nothing itself (Firehose refuses
#   server-side encryption there; encrypt the source stream, PG-AWS-KINESIS-101)
#   and is not judged.
# custom:
#   id: PG-AWS-KINESIS-103
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_kinesis_firehose_delivery_stream]
#   aliases: [CKV_AWS_240]
#   remediation: >-
#     Add `server_side_encryption { enabled = true }` (with
#     `key_type = "CUSTOMER_MANAGED_CMK"` and `key_arn` for a key of your own).
package planguard.encryption.aws.firehose_stream_encrypted

import data.planguard.lib

# Checkov's CKV_AWS_240 also fails a stream with a Kinesis source, which
# cannot take server-side encryption: it passes here on purpose
# (docs/coverage/aws-data.json says so as `differs`).
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
	finding := unencrypted(r, "server_side_encryption")
}

# A block that leaves `enabled` out (false) or turns it off.
deny contains finding if {
	some r in streams
	some i, sse in object.get(r.after, "server_side_encryption", [])
	object.get(sse, "enabled", false) != true
	not lib.is_unknown(r, ["server_side_encryption", i, "enabled"])
	finding := unencrypted(r, sprintf("server_side_encryption.%d.enabled", [i]))
}

unencrypted(r, attribute) := {
	"msg": sprintf("Firehose delivery stream %s does not encrypt the records it buffers.", [r.address]),
	"resource": r.address,
	"attribute": attribute,
}
