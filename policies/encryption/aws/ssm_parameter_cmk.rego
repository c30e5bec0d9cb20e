# METADATA
# title: SSM parameter is not encrypted with a customer-managed KMS key
# description: >-
#   A SecureString parameter without `key_id` is encrypted with the
#   AWS-managed key alias/aws/ssm, whose key policy you cannot change: every
#   principal of the account allowed ssm:GetParameter can decrypt it, and the
#   parameter cannot be shared across accounts. A String or StringList
#   parameter names no key at all (PG-AWS-SSM-101 also reports that it is
#   stored unencrypted). Left out of the configuration, `key_id` is computed by
#   the provider (alias/aws/ssm for a SecureString), so the rule reads the
#   configuration to tell a key left out from one still to come.
# custom:
#   id: PG-AWS-SSM-102
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_ssm_parameter]
#   aliases: [CKV_AWS_337]
#   remediation: >-
#     Set `type = "SecureString"` and `key_id = aws_kms_key.<name>.arn` (a
#     customer-managed key whose policy lets the readers decrypt).
package planguard.encryption.aws.ssm_parameter_cmk

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_ssm_parameter
	not lib.refers_to(r, "key_id")
	not key_to_come(r)
	not customer_key(object.get(r.after, "key_id", null))
	finding := {
		"msg": sprintf("SSM parameter %s is not encrypted with a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "key_id",
	}
}

# The key is known only after apply and the configuration sets it (or, as in
# a state, there is no configuration to tell).
key_to_come(r) if {
	lib.is_unknown(r, ["key_id"])
	not left_out(r, "key_id")
}

left_out(r, attribute) if {
	is_object(r.expressions)
	not r.expressions[attribute]
}

customer_key(k) if {
	lib.non_empty(k)
	not endswith(k, "alias/aws/ssm")
}
