# METADATA
# title: Bedrock flow is not encrypted with a customer-managed key
# description: >-
#   A Bedrock flow stores its definition (prompts, the models and knowledge
#   bases it chains, the Lambda functions it calls) and its execution data.
#   Without `customer_encryption_key_arn` they are encrypted with a key AWS
#   owns, which you cannot restrict, audit or revoke.
# custom:
#   id: PG-AWS-BEDROCK-102
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_bedrockagent_flow]
#   aliases: [CKV_AWS_394]
#   remediation: Set `customer_encryption_key_arn` to a customer-managed KMS key whose policy lets Bedrock use it.
package planguard.encryption.aws.bedrock_flow_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_bedrockagent_flow
	# Left out, the attribute is null in the plan: an AWS-owned key.
	not lib.is_unknown(r, ["customer_encryption_key_arn"])
	not lib.refers_to(r, "customer_encryption_key_arn")
	not key_named(object.get(r.after, "customer_encryption_key_arn", null))
	finding := {
		"msg": sprintf("Bedrock flow %s is not encrypted with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "customer_encryption_key_arn",
	}
}

key_named(k) if {
	is_string(k)
	k != ""
}
