# METADATA
# title: Bedrock agent is not encrypted with a customer-managed key
# description: >-
#   A Bedrock agent keeps its instructions, action groups and the session
#   data of every conversation. Without `customer_encryption_key_arn` that
#   data is encrypted with a key AWS owns: you cannot restrict who may use it,
#   audit its use in CloudTrail, or revoke it.
# custom:
#   id: PG-AWS-BEDROCK-101
#   severity: medium
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_bedrockagent_agent]
#   aliases: [CKV_AWS_373]
#   remediation: Set `customer_encryption_key_arn` to a customer-managed KMS key whose policy lets Bedrock use it.
package planguard.encryption.aws.bedrock_agent_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_bedrockagent_agent
	# Left out, the attribute is null in the plan: an AWS-owned key.
	not lib.is_unknown(r, ["customer_encryption_key_arn"])
	not lib.refers_to(r, "customer_encryption_key_arn")
	not key_named(object.get(r.after, "customer_encryption_key_arn", null))
	finding := {
		"msg": sprintf("Bedrock agent %s is not encrypted with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "customer_encryption_key_arn",
	}
}

key_named(k) if {
	is_string(k)
	k != ""
}
