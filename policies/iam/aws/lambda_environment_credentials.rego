# METADATA
# title: Lambda function's environment variables hold credentials
# description: >-
#   Environment variables are returned in clear by
#   lambda:GetFunctionConfiguration, shown in the console, and kept in
#   Terraform's state. An access key, private key or API token placed there
#   is readable by far more people than the function's code. A function gets
#   AWS credentials from its execution role; other secrets belong in Secrets
#   Manager or SSM (the Parameters and Secrets Lambda extension caches them).
#   The finding names the variable and the kind of credential, never the
#   value.
# custom:
#   id: PG-AWS-LAMBDA-107
#   severity: critical
#   category: iam
#   providers: [aws]
#   resource_types: [aws_lambda_function]
#   aliases: []
#   related: [CKV_AWS_45]
#   remediation: >-
#     Remove the credential from `environment.variables` and rotate it; grant
#     AWS access through the execution role and read other secrets from
#     Secrets Manager at run time (keep only the secret's ARN in the
#     environment).
package planguard.iam.aws.lambda_environment_credentials

import data.planguard.lib.secrets

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_lambda_function
	some i, env in object.get(r.after, "environment", [])
	some name, value in object.get(env, "variables", {})
	is_string(value)
	# Read with its name, which tells a secret access key from other tokens.
	found := secrets.kinds(concat("=", [name, value]))
	count(found) > 0
	finding := {
		"msg": sprintf("Lambda function %s's environment variable %s holds %s.", [r.address, name, concat(" and ", sort(found))]),
		"resource": r.address,
		"attribute": sprintf("environment.%d.variables.%s", [i, name]),
	}
}
