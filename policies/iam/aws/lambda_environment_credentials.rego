# METADATA
# title: Lambda function's environment variables hold credentials
# description: >-
#   Environment variables are returned in clear by
#   lambda:GetFunctionConfiguration, shown in the console, and kept in
#   Terraform's state. An access key, private key or API token placed there
#   is readable by far more people than the function's code. A function gets
#   AWS credentials from its execution role; other secrets belong in Secrets
#   Manager or SSM (the Parameters and Secrets Lambda extension caches them).
#   A credential is told by its shape (access keys, private keys, vendors'
#   prefixed tokens, a URL with a password) or by the variable's name
#   (DB_PASSWORD, API_KEY, CLIENT_SECRET, GITHUB_TOKEN ...) when the value is
#   a literal rather than a pointer to the secret (an ARN, an SSM or Secrets
#   Manager name, a URL, a boolean, a placeholder). A value Terraform marks
#   sensitive is reported whatever its name: it is in clear in the
#   function's configuration all the same. The finding names the variable and the kind of
#   credential, never the value.
# custom:
#   id: PG-AWS-LAMBDA-107
#   severity: critical
#   category: iam
#   providers: [aws]
#   resource_types: [aws_lambda_function]
#   aliases: []
#   narrower: [CKV_AWS_45]
#   remediation: >-
#     Remove the credential from `environment.variables` and rotate it; grant
#     AWS access through the execution role and read other secrets from
#     Secrets Manager at run time (keep only the secret's ARN in the
#     environment).
package planguard.iam.aws.lambda_environment_credentials

import data.planguard.lib.secret_scanners as scanners
import data.planguard.lib.secrets

deny contains finding if {
	some r in data.planguard.resources_by_type.aws_lambda_function
	some i, env in object.get(r.after, "environment", [])
	some name, value in object.get(env, "variables", {})
	is_string(value)
	found := secrets.variable_kinds(name, value)
	count(found) > 0
	finding := {
		"msg": sprintf("Lambda function %s's environment variable %s holds %s.", [r.address, name, concat(" and ", sort(found))]),
		"resource": r.address,
		"attribute": sprintf("environment.%d.variables.%s", [i, name]),
		"aliases": checkov_ids(value),
	}
}

# A whole variables map that Terraform marks sensitive.
deny contains finding if {
	some r in data.planguard.resources_by_type.aws_lambda_function
	some i, env in object.get(r.after, "environment", [])
	object.get(env, "variables", null) == secrets.redacted
	finding := {
		"msg": sprintf("Lambda function %s's environment variables hold %s.", [r.address, secrets.sensitive_kind]),
		"resource": r.address,
		"attribute": sprintf("environment.%d.variables", [i]),
		"aliases": [],
	}
}

# Checkov's CKV_AWS_45 reads each value alone with its AWS patterns.
checkov_ids(value) := ["CKV_AWS_45"] if scanners.checkov_aws(value) else := []
