# METADATA
# title: SNS topic is encrypted with the AWS-managed key alias/aws/sns
# description: >-
#   `kms_master_key_id = "alias/aws/sns"` encrypts the topic's notifications with the
#   AWS-managed key: every principal the account lets use SNS can decrypt
#   through it, its key policy cannot be changed, and publishers from other
#   accounts or AWS services cannot be granted use of it.
# custom:
#   id: PG-AWS-SNS-102
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_sns_topic]
#   aliases: [AVD-AWS-0136]
#   remediation: Set `kms_master_key_id` to a customer-managed KMS key.
package planguard.encryption.aws.sns_topic_aws_managed_key

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_sns_topic
	not lib.is_unknown(r, ["kms_master_key_id"])
	object.get(r.after, "kms_master_key_id", null) == "alias/aws/sns"
	finding := {
		"msg": sprintf("SNS topic %s is encrypted with the AWS-managed key alias/aws/sns, not a customer-managed key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_master_key_id",
	}
}
