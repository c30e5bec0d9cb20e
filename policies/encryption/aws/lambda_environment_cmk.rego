# METADATA
# title: Lambda function's environment variables are not encrypted with a customer-managed key
# description: >-
#   Lambda encrypts environment variables at rest with the AWS-managed key
#   aws/lambda unless `kms_key_arn` names one. Anyone allowed
#   lambda:GetFunctionConfiguration then reads them in clear: connection
#   strings, model-provider tokens and feature-store endpoints that inference
#   functions often carry. With a customer-managed key, reading them also
#   needs kms:Decrypt on a key whose policy you control. Functions without
#   environment variables are not judged.
# custom:
#   id: PG-AWS-LAMBDA-106
#   severity: low
#   category: encryption
#   providers: [aws]
#   resource_types: [aws_lambda_function]
#   aliases: [CKV_AWS_173]
#   remediation: >-
#     Set `kms_key_arn = aws_kms_key.<name>.arn` on the function (its
#     execution role needs kms:Decrypt on the key), or move secrets to Secrets
#     Manager and keep only their names in the environment.
package planguard.encryption.aws.lambda_environment_cmk

import data.planguard.lib

# Checkov's CKV_AWS_173 also fails a function whose environment block holds
# no variables, and one that names a key without an environment block (a
# state-mismatch concern): neither has anything to encrypt, so both pass here
# on purpose (docs/coverage/aws-core.json says so as `differs`).
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_lambda_function
	has_variables(r)
	not lib.pending(r, ["kms_key_arn"])
	not lib.non_empty(object.get(r.after, "kms_key_arn", null))
	finding := {
		"msg": sprintf("Lambda function %s encrypts its environment variables with the AWS-managed key, not a customer-managed KMS key.", [r.address]),
		"resource": r.address,
		"attribute": "kms_key_arn",
	}
}

# An environment block with variables, or with variables still to come.
has_variables(r) if {
	some i, env in object.get(r.after, "environment", [])
	vars := object.get(env, "variables", null)
	is_object(vars)
	count(vars) > 0
}

has_variables(r) if {
	some i, _ in object.get(r.after, "environment", [])
	lib.unknown_within(r, ["environment", i, "variables"])
}
