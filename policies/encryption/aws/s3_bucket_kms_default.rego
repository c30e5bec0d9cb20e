# METADATA
# title: S3 bucket's default encryption is not SSE-KMS
# description: >-
#   S3 encrypts new objects with SSE-S3 (keys S3 owns) unless the bucket's
#   default encryption names aws:kms or aws:kms:dsse. With SSE-S3, anyone the
#   bucket policy lets read an object reads it in clear; with SSE-KMS, reads
#   also need the KMS key, whose policy and CloudTrail log you control. The
#   default may be declared inline (older providers) or by an
#   aws_s3_bucket_server_side_encryption_configuration that refers to the
#   bucket. A bucket that declares no encryption at all is reported too
#   (beside PG-AWS-S3-001's finding): it gets SSE-S3.
# custom:
#   id: PG-AWS-S3-104
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_s3_bucket]
#   aliases: [CKV_AWS_145]
#   remediation: >-
#     Add an `aws_s3_bucket_server_side_encryption_configuration` with
#     `bucket = aws_s3_bucket.<name>.id` and `rule {
#     apply_server_side_encryption_by_default { sse_algorithm = "aws:kms",
#     kms_master_key_id = aws_kms_key.<name>.arn } }`.
package planguard.encryption.aws.s3_bucket_kms_default

import data.planguard.lib.aws_s3

kms_algorithms := {"aws:kms", "aws:kms:dsse"}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_s3_bucket
	not kms_declared(r)
	not aws_s3.undecided(r, "sse_algorithm")
	finding := {
		"msg": sprintf("S3 bucket %s encrypts new objects with S3-owned keys (SSE-S3), not SSE-KMS.", [r.address]),
		"resource": r.address,
		"attribute": "server_side_encryption_configuration",
	}
}

kms_declared(r) if {
	some d in aws_s3.default_rules(r)
	object.get(d, "sse_algorithm", null) in kms_algorithms
}
