# METADATA
# title: Kinesis stream is not encrypted
# description: >-
#   Kinesis data streams feed real-time features and inference logs. With
#   `encryption_type = "NONE"` (the provider's default) records sit unencrypted
#   in the stream for the whole retention period; with "KMS" but no
#   `kms_key_id` the stream asks for encryption without a key, which Kinesis
#   refuses.
# custom:
#   id: PG-AWS-KINESIS-101
#   severity: high
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_kinesis_stream]
#   aliases: [AVD-AWS-0064]
#   narrower: [CKV_AWS_43]
#   remediation: Set `encryption_type = "KMS"` and `kms_key_id` (a customer-managed key, or `alias/aws/kinesis`).
package planguard.encryption.aws.kinesis_stream_encrypted

import data.planguard.lib

# Not KMS: CKV_AWS_43's finding too (it checks encryption_type alone).
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_kinesis_stream
	not lib.is_unknown(r, ["encryption_type"])
	object.get(r.after, "encryption_type", "NONE") != "KMS"
	finding := {
		"msg": sprintf("Kinesis stream %s does not encrypt its records with KMS.", [r.address]),
		"resource": r.address,
		"attribute": "encryption_type",
		"aliases": ["CKV_AWS_43"],
	}
}

# KMS without a key to encrypt with.
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_kinesis_stream
	object.get(r.after, "encryption_type", "NONE") == "KMS"
	not lib.non_empty(object.get(r.after, "kms_key_id", null))
	not lib.pending(r, ["kms_key_id"])
	finding := {
		"msg": sprintf("Kinesis stream %s asks for KMS encryption but names no key (kms_key_id).", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}
