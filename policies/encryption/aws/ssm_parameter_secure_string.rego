# METADATA
# title: SSM parameter is stored as plain text (not a SecureString)
# description: >-
#   Parameters of type String and StringList are stored and returned
#   unencrypted: anyone allowed ssm:GetParameter reads them, and they show in
#   the console and in CloudTrail data events. Database passwords, API tokens
#   and model-provider keys kept in Parameter Store belong in SecureString
#   parameters, which KMS encrypts. A parameter that holds non-secret
#   configuration (an AMI id, an endpoint) may stay a String: waive it.
# custom:
#   id: PG-AWS-SSM-101
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_ssm_parameter]
#   aliases: [CKV2_AWS_34]
#   remediation: Set `type = "SecureString"` (and `key_id` to a customer-managed KMS key).
package planguard.encryption.aws.ssm_parameter_secure_string

import data.planguard.lib

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_ssm_parameter
	# `type` is required by the provider; a value still to come is not judged.
	not lib.pending(r, ["type"])
	kind := object.get(r.after, "type", null)
	kind != "SecureString"
	finding := {
		"msg": sprintf("SSM parameter %s is stored unencrypted (type %v, not SecureString).", [r.address, kind]),
		"resource": r.address,
		"attribute": "type",
	}
}
