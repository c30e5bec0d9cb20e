# METADATA
# title: Kinesis stream is not encrypted
# description: >-
#   Kinesis data streams feed real-time features and inference logs. With
#   `encryption_type = "NONE"` (the provider's default) records sit unencrypted
#   in the stream for the whole retention period.
# custom:
#   id: PG-AWS-KINESIS-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_kinesis_stream]
#   aliases: [CKV_AWS_43, AVD-AWS-0064]
#   remediation: Set `encryption_type = "KMS"` and `kms_key_id` (a customer-managed key, or `alias/aws/kinesis`).
package planguard.encryption.aws.kinesis_stream_encrypted

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_kinesis_stream
	not lib.is_unknown(r, ["encryption_type"])
	object.get(r.after, "encryption_type", "NONE") != "KMS"
	finding := {
		"msg": sprintf("Kinesis stream %s does not encrypt its records with KMS.", [r.address]),
		"resource": r.address,
		"attribute": "encryption_type",
	}
}
