# METADATA
# title: Glue Data Catalog metadata or connection passwords are not encrypted
# description: >-
#   The Glue Data Catalog describes every table of the data lake (schemas,
#   locations, partitions), and Glue connections hold database passwords.
#   With catalog encryption "DISABLED" or connection passwords returned
#   unencrypted, both are readable by anyone with catalog read access.
#   Encryption with the AWS-managed key is PG-AWS-GLUE-104's finding.
# custom:
#   id: PG-AWS-GLUE-101
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_glue_data_catalog_encryption_settings]
#   aliases: [CKV_AWS_94]
#   remediation: >-
#     Set `encryption_at_rest { catalog_encryption_mode = "SSE-KMS",
#     sse_aws_kms_key_id = ... }` and `connection_password_encryption {
#     return_connection_password_encrypted = true, aws_kms_key_id = ... }`.
package planguard.encryption.aws.glue_catalog_encryption

import data.planguard.lib

# Checkov's CKV_AWS_94 fails these and a catalog encrypted with the AWS-managed
# key (PG-AWS-GLUE-104, which carries the id too). It also fails the mode
# SSE-KMS-WITH-SERVICE-ROLE, which encrypts with the key named as SSE-KMS
# does: that passes here on purpose (docs/coverage/aws-data.json says so as
# `differs`).
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_glue_data_catalog_encryption_settings
	some i, s in object.get(r.after, "data_catalog_encryption_settings", [])
	some j, rest in object.get(s, "encryption_at_rest", [])
	not lib.is_unknown(r, ["data_catalog_encryption_settings", i, "encryption_at_rest", j, "catalog_encryption_mode"])
	rest.catalog_encryption_mode == "DISABLED"
	finding := {
		"msg": sprintf("%s leaves the Glue Data Catalog unencrypted at rest.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("data_catalog_encryption_settings.%v.encryption_at_rest.%v.catalog_encryption_mode", [i, j]),
	}
}

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_glue_data_catalog_encryption_settings
	some i, s in object.get(r.after, "data_catalog_encryption_settings", [])
	some j, pw in object.get(s, "connection_password_encryption", [])
	not lib.is_unknown(r, ["data_catalog_encryption_settings", i, "connection_password_encryption", j, "return_connection_password_encrypted"])
	pw.return_connection_password_encrypted == false
	finding := {
		"msg": sprintf("%s returns Glue connection passwords unencrypted.", [r.address]),
		"resource": r.address,
		"attribute": sprintf("data_catalog_encryption_settings.%v.connection_password_encryption.%v.return_connection_password_encrypted", [i, j]),
	}
}
