# METADATA
# title: EMR security configuration does not encrypt EMRFS data in S3 with SSE-KMS
# description: >-
#   The data an EMR cluster reads and writes through EMRFS (training sets,
#   feature tables, job output) is encrypted with a KMS key only when the
#   security configuration's S3 encryption mode is SSE-KMS. SSE-S3 uses a
#   key AWS owns, client-side modes need their own key handling, and a
#   configuration without at-rest encryption leaves the data as the bucket
#   stores it.
# custom:
#   id: PG-AWS-EMR-104
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_emr_security_configuration]
#   aliases: [CKV_AWS_171]
#   remediation: >-
#     In the configuration's EncryptionConfiguration, set
#     `"EnableAtRestEncryption": true` and
#     `"AtRestEncryptionConfiguration": {"S3EncryptionConfiguration":
#     {"EncryptionMode": "SSE-KMS", "AwsKmsKey": "<key ARN>"}}`.
package planguard.encryption.aws.emr_security_configuration_s3_kms

import data.planguard.lib

mode_path := ["EncryptionConfiguration", "AtRestEncryptionConfiguration", "S3EncryptionConfiguration", "EncryptionMode"]

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_emr_security_configuration
	not lib.is_unknown(r, ["configuration"])
	json.is_valid(r.after.configuration)
	doc := json.unmarshal(r.after.configuration)
	object.get(doc, mode_path, null) != "SSE-KMS"
	finding := {
		"msg": sprintf("EMR security configuration %s does not encrypt EMRFS data in S3 with SSE-KMS.", [r.address]),
		"resource": r.address,
		"attribute": "configuration",
	}
}
