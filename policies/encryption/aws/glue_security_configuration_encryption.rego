# METADATA
# title: Glue security configuration leaves job logs, bookmarks or S3 output unencrypted
# description: >-
#   A Glue security configuration decides how the ETL jobs, crawlers and dev
#   endpoints that name it encrypt what they write: the job logs in
#   CloudWatch (which echo records and errors), the job bookmarks (which
#   track the data processed) and the output in S3. Each is "DISABLED"
#   unless set: logs need SSE-KMS with a key, bookmarks CSE-KMS with a key,
#   S3 output SSE-S3 or SSE-KMS.
# custom:
#   id: PG-AWS-GLUE-103
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_glue_security_configuration]
#   aliases: [CKV_AWS_99]
#   remediation: >-
#     In `encryption_configuration`, set `cloudwatch_encryption {
#     cloudwatch_encryption_mode = "SSE-KMS", kms_key_arn = ... }`,
#     `job_bookmarks_encryption { job_bookmarks_encryption_mode = "CSE-KMS",
#     kms_key_arn = ... }` and `s3_encryption { s3_encryption_mode = "SSE-KMS",
#     kms_key_arn = ... }`.
package planguard.encryption.aws.glue_security_configuration_encryption

import data.planguard.lib

# Per block of encryption_configuration: its mode attribute, the modes that
# encrypt, whether a key must be named, and what it protects.
parts := {
	"cloudwatch_encryption": {"mode": "cloudwatch_encryption_mode", "encrypting": {"SSE-KMS"}, "key": true, "what": "job logs in CloudWatch"},
	"job_bookmarks_encryption": {"mode": "job_bookmarks_encryption_mode", "encrypting": {"CSE-KMS"}, "key": true, "what": "job bookmarks"},
	"s3_encryption": {"mode": "s3_encryption_mode", "encrypting": {"SSE-KMS", "SSE-S3"}, "key": false, "what": "data written to S3"},
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_glue_security_configuration
	some i, conf in object.get(r.after, "encryption_configuration", [])
	some name, part in parts
	attribute := gap(r, ["encryption_configuration", i, name], object.get(conf, name, []), part)
	finding := {
		"msg": sprintf("Glue security configuration %s leaves %s unencrypted or without a KMS key.", [r.address, part.what]),
		"resource": r.address,
		"attribute": attribute,
	}
}

# The first setting of the block that falls short: the block itself (left
# out), its mode, then its key. Undefined while the value is unknown.
gap(r, path, blocks, _) := lib.path_text(path) if {
	blocks in {null, []}
	not lib.is_unknown(r, path)
}

gap(r, path, blocks, part) := lib.path_text(mode_path) if {
	some j, b in blocks
	mode_path := array.concat(path, [j, part.mode])
	not object.get(b, part.mode, "DISABLED") in part.encrypting
	not lib.is_unknown(r, mode_path)
}

gap(r, path, blocks, part) := lib.path_text(key_path) if {
	part.key
	some j, b in blocks
	object.get(b, part.mode, "DISABLED") in part.encrypting
	key_path := array.concat(path, [j, "kms_key_arn"])
	not lib.non_empty(object.get(b, "kms_key_arn", null))
	not lib.pending(r, key_path)
}
