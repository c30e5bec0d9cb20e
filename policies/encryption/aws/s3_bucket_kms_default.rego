# METADATA
# title: S3 bucket's default encryption is not SSE-KMS
# description: >-
#   S3 encrypts new objects with SSE-S3 (keys S3 owns) unless the bucket's
#   default encryption names aws:kms or aws:kms:dsse. With SSE-S3, anyone the
#   bucket policy lets read an object reads it in clear; with SSE-KMS, reads
#   also need the KMS key, whose policy and CloudTrail log you control. The
#   default may be declared inline (older providers) or by an
#   aws_s3_bucket_server_side_encryption_configuration that refers to the
#   bucket. A bucket that declares no encryption at all is left to
#   PG-AWS-S3-001.
# custom:
#   id: PG-AWS-S3-104
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_s3_bucket]
#   aliases: []
#   related: [CKV_AWS_145, AVD-AWS-0132]
#   remediation: >-
#     Add an `aws_s3_bucket_server_side_encryption_configuration` with
#     `bucket = aws_s3_bucket.<name>.id` and `rule {
#     apply_server_side_encryption_by_default { sse_algorithm = "aws:kms",
#     kms_master_key_id = aws_kms_key.<name>.arn } }`.
package planguard.encryption.aws.s3_bucket_kms_default

import data.planguard.lib

kms_algorithms := {"aws:kms", "aws:kms:dsse"}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_s3_bucket
	not inline_kms(r)
	not inline_undecided(r)
	configs := sse_configs_of(r.config_address)
	# A bucket that declares no encryption at all is PG-AWS-S3-001's finding.
	declared(r, configs)
	not any_kms(configs)
	not any_undecided(configs)
	finding := {
		"msg": sprintf("S3 bucket %s encrypts new objects with S3-owned keys (SSE-S3), not SSE-KMS.", [r.address]),
		"resource": r.address,
		"attribute": "server_side_encryption_configuration",
	}
}

declared(_, configs) if count(configs) > 0

declared(r, _) if {
	not left_out(r, "server_side_encryption_configuration")
	count(object.get(r.after, "server_side_encryption_configuration", [])) > 0
}

algorithms(blocks) := {a |
	some b in blocks
	some rule in object.get(b, "rule", [])
	some d in object.get(rule, "apply_server_side_encryption_by_default", [])
	a := object.get(d, "sse_algorithm", null)
}

inline_kms(r) if {
	some a in algorithms(object.get(r.after, "server_side_encryption_configuration", []))
	a in kms_algorithms
}

# The provider computes the inline block (S3's own default) when it is left
# out; only a block the author wrote, or a state without configuration, can
# hold an algorithm that is still unknown.
inline_undecided(r) if {
	lib.is_unknown(r, ["server_side_encryption_configuration"])
	not left_out(r, "server_side_encryption_configuration")
}

left_out(r, attribute) if {
	is_object(r.expressions)
	not r.expressions[attribute]
}

# The SSE configuration resources that refer to the bucket block at `address`.
sse_configs_of(address) := [c |
	some ref in object.get(data.planguard.referrers, address, [])
	ref.from_type == "aws_s3_bucket_server_side_encryption_configuration"
	some c in object.get(configs_by_config_address, ref.from, set())
]

configs_by_config_address[address] contains c if {
	some c in object.get(data.planguard.resources_by_type, "aws_s3_bucket_server_side_encryption_configuration", [])
	address := c.config_address
}

any_kms(configs) if {
	some c in configs
	some a in algorithms([c.after])
	a in kms_algorithms
}

any_undecided(configs) if {
	some c in configs
	lib.is_unknown(c, ["rule"])
}

any_undecided(configs) if {
	some c in configs
	some i, rule in object.get(c.after, "rule", [])
	some j, _ in object.get(rule, "apply_server_side_encryption_by_default", [])
	lib.is_unknown(c, ["rule", i, "apply_server_side_encryption_by_default", j, "sse_algorithm"])
}
