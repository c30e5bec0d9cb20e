# METADATA
# title: SNS topic is not encrypted
# description: >-
#   SNS does not encrypt topics unless a KMS key is named. Topics that fan out
#   pipeline events, model-monitoring alerts or data-quality reports then store
#   their messages unencrypted until delivery.
# custom:
#   id: PG-AWS-SNS-101
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sns_topic]
#   aliases: [CKV_AWS_26, AVD-AWS-0095]
#   remediation: Set `kms_master_key_id` to a customer-managed KMS key (or `alias/aws/sns`).
package planguard.encryption.aws.sns_topic_encrypted

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sns_topic
	not lib.non_empty(object.get(r.after, "kms_master_key_id", null))
	not lib.pending(r, ["kms_master_key_id"])
	finding := {
		"msg": sprintf("SNS topic %s is not encrypted with a KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_master_key_id",
	}
}
