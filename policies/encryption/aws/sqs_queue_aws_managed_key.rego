# METADATA
# title: SQS queue is encrypted with the AWS-managed key alias/aws/sqs
# description: >-
#   `kms_master_key_id = "alias/aws/sqs"` encrypts the queue's messages with the
#   AWS-managed key: every principal the account lets use SQS can decrypt
#   through it, its key policy cannot be changed, and publishers from other
#   accounts or AWS services cannot be granted use of it.
# custom:
#   id: PG-AWS-SQS-102
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sqs_queue]
#   aliases: [CKV2_AWS_73, AVD-AWS-0135]
#   remediation: Set `kms_master_key_id` to a customer-managed KMS key.
package planguard.encryption.aws.sqs_queue_aws_managed_key

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sqs_queue
	not lib.is_unknown(r, ["kms_master_key_id"])
	object.get(r.after, "kms_master_key_id", null) == "alias/aws/sqs"
	finding := {
		"msg": sprintf("SQS queue %s is encrypted with the AWS-managed key alias/aws/sqs, not a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_master_key_id",
	}
}
