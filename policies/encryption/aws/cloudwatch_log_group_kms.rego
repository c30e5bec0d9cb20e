# METADATA
# title: CloudWatch log group is not encrypted with a customer-managed key
# description: >-
#   Training and inference logs capture prompts, predictions, stack traces and
#   sometimes credentials. CloudWatch Logs encrypts them with a service key;
#   a customer-managed KMS key lets you restrict and audit who can read them.
# custom:
#   id: PG-AWS-CLOUDWATCH-101
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_cloudwatch_log_group]
#   aliases: [CKV_AWS_158, AVD-AWS-0017]
#   remediation: Set `kms_key_id` to a customer-managed KMS key whose policy allows the CloudWatch Logs service principal.
package planguard.encryption.aws.cloudwatch_log_group_kms

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_cloudwatch_log_group
	not lib.non_empty(object.get(r.after, "kms_key_id", null))
	not lib.pending(r, ["kms_key_id"])
	finding := {
		"msg": sprintf("CloudWatch log group %s is not encrypted with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_id",
	}
}
