# METADATA
# title: SQS queue has server-side encryption turned off
# description: >-
#   Queues carry training and inference jobs, S3 event notifications and
#   dataset pointers. SQS encrypts new queues with SQS-owned keys by default;
#   a queue that turns that off and names no KMS key stores messages in clear.
# custom:
#   id: PG-AWS-SQS-101
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sqs_queue]
#   aliases: [CKV_AWS_27, AVD-AWS-0096]
#   remediation: >-
#     Remove `sqs_managed_sse_enabled = false`, or better set
#     `kms_master_key_id` to a customer-managed KMS key.
package planguard.encryption.aws.sqs_queue_encrypted

# Checkov's CKV_AWS_27 and Trivy's AVD-AWS-0096 also fail a queue that leaves
# sqs_managed_sse_enabled out (and names no key): SQS encrypts every new queue
# with SSE-SQS by default since 2022, so such a queue is encrypted and passes
# here on purpose (docs/coverage/aws-data.json says so as `differs`).

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sqs_queue
	r.after.sqs_managed_sse_enabled == false
	not lib.is_unknown(r, ["sqs_managed_sse_enabled"])
	not kms_key(r)
	finding := {
		"msg": sprintf("SQS queue %s stores messages without server-side encryption.", [r.address]),
		"resource": r.address,
		"attribute": "sqs_managed_sse_enabled",
	}
}

kms_key(r) if lib.refers_to(r, "kms_master_key_id")

kms_key(r) if lib.is_unknown(r, ["kms_master_key_id"])

kms_key(r) if {
	k := r.after.kms_master_key_id
	lib.non_empty(k)
}
