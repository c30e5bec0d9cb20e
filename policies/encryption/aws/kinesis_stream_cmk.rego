# METADATA
# title: Kinesis stream is not encrypted with a customer-managed key
# description: >-
#   Feature and event streams feeding training and online inference carry
#   raw records. Without `kms_key_id` the stream is unencrypted or uses a
#   key you do not control, so consumers cannot be limited by key policy.
# custom:
#   id: PG-AWS-KINESIS-102
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_kinesis_stream]
#   aliases: [CKV_AWS_185]
#   remediation: >-
#     Set `encryption_type = "KMS"` and `kms_key_id` to a customer-managed
#     KMS key.
package planguard.encryption.aws.kinesis_stream_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_kinesis_stream
	# Left out, the attribute is null in the plan.
	not lib.undecided(r, ["kms_key_id"])
	not lib.refers_to(r, "kms_key_id")
	not named(lib.effective(r, ["kms_key_id"]))
	finding := {
		"msg": sprintf("%s %s is not encrypted with a customer-managed KMS key.", ["Kinesis stream", r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}

named(v) if {
	is_string(v)
	v != ""
}
