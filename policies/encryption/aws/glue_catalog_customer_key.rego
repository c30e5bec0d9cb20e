# METADATA
# title: Glue Data Catalog is encrypted without a customer-managed key
# description: >-
#   With `catalog_encryption_mode = "SSE-KMS"` and no `sse_aws_kms_key_id`,
#   Glue encrypts the catalog's metadata (every table's schema, location and
#   partitions) with the AWS-managed key aws/glue; with
#   `return_connection_password_encrypted = true` and no `aws_kms_key_id`,
#   connection passwords likewise. An AWS-managed key's policy cannot be
#   changed: whoever may read the catalog may decrypt it, and the key cannot
#   be revoked. A catalog or passwords left unencrypted are PG-AWS-GLUE-101's.
# custom:
#   id: PG-AWS-GLUE-104
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_glue_data_catalog_encryption_settings]
#   aliases: [CKV_AWS_94]
#   defaults:
#     - aws_glue_data_catalog_encryption_settings data_catalog_encryption_settings.encryption_at_rest.sse_aws_kms_key_id
#     - aws_glue_data_catalog_encryption_settings data_catalog_encryption_settings.connection_password_encryption.aws_kms_key_id
#   remediation: >-
#     Set `sse_aws_kms_key_id` in `encryption_at_rest` and `aws_kms_key_id` in
#     `connection_password_encryption` to a customer-managed KMS key.
package planguard.encryption.aws.glue_catalog_customer_key

import data.planguard.lib

# Metadata encrypted, with the AWS-managed key (the key left out is null).
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_glue_data_catalog_encryption_settings
	some i, s in object.get(r.after, "data_catalog_encryption_settings", [])
	some j, rest in object.get(s, "encryption_at_rest", [])
	block := ["data_catalog_encryption_settings", i, "encryption_at_rest", j]
	not lib.is_unknown(r, array.concat(block, ["catalog_encryption_mode"]))
	object.get(rest, "catalog_encryption_mode", null) in {"SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"}
	finding := without_key(r, rest, block, "sse_aws_kms_key_id", "encrypts the catalog's metadata")
}

# Connection passwords encrypted, with the AWS-managed key.
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_glue_data_catalog_encryption_settings
	some i, s in object.get(r.after, "data_catalog_encryption_settings", [])
	some j, pw in object.get(s, "connection_password_encryption", [])
	block := ["data_catalog_encryption_settings", i, "connection_password_encryption", j]
	not lib.is_unknown(r, array.concat(block, ["return_connection_password_encrypted"]))
	object.get(pw, "return_connection_password_encrypted", null) == true
	finding := without_key(r, pw, block, "aws_kms_key_id", "encrypts connection passwords")
}

# The finding when the block names no key, nor one still to come.
without_key(r, b, block, key, what) := {
	"msg": sprintf("%s %s with the AWS-managed key aws/glue, not a customer-managed KMS key.", [r.address, what]),
	"resource": r.address,
	"attribute": lib.path_text(array.concat(block, [key])),
} if {
	not lib.non_empty(object.get(b, key, null))
	not lib.pending(r, array.concat(block, [key]))
}
